package dev.pgorm.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A visitor's tip for a place, with an IDENTITY id as most Spring Boot entities have. */
@Entity
public class Tip {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    long placeId;

    String text;

    protected Tip() {}

    Tip(long placeId, String text) {
        this.placeId = placeId;
        this.text = text;
    }
}
