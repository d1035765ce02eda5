package dev.pgorm.it.spring.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** PetClinic's pet: an IDENTITY id and a {@code @ManyToOne} owner. */
@Entity
@Table(name = "pets")
public class Pet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @ManyToOne Owner owner;

    protected Pet() {}

    Pet(String name, Owner owner) {
        this.name = name;
        this.owner = owner;
    }
}
