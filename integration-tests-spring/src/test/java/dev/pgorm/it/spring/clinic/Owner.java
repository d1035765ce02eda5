package dev.pgorm.it.spring.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** PetClinic's owner: an IDENTITY id and plain columns. */
@Entity
@Table(name = "owners")
public class Owner {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String lastName;

    protected Owner() {}

    Owner(String lastName) {
        this.lastName = lastName;
    }
}
