package dev.pgorm.it.spring.rls;

import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row that only its owner sees: the owner is the authenticated Spring Security user. */
@Entity
@Table(name = "spring_note")
@RowLevelSecurity(force = true)
@Policy(
        name = "note_owner",
        using = "owner = current_setting('app.user_name', true)",
        withCheck = "owner = current_setting('app.user_name', true)")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String owner;
    String text;

    protected Note() {}

    Note(String owner, String text) {
        this.owner = owner;
        this.text = text;
    }
}
