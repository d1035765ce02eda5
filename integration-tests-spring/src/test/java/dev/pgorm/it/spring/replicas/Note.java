package dev.pgorm.it.spring.replicas;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A row to write on the primary and read on the replica. */
@Entity
public class Note {
    @Id Long id;

    String text;

    protected Note() {}

    Note(Long id, String text) {
        this.id = id;
        this.text = text;
    }
}
