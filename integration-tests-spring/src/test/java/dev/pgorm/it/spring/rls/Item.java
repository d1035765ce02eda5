package dev.pgorm.it.spring.rls;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A plain entity for bulk inserts. */
@Entity
public class Item {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    protected Item() {}

    Item(String name) {
        this.name = name;
    }
}
