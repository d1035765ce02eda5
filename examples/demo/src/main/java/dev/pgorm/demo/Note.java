package dev.pgorm.demo;

import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.notify.NotifyOnChange;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A note that only its tenant may see: row-level security, enforced by PostgreSQL. */
@Entity
@NotifyOnChange(channel = "note_changes")
@RowLevelSecurity
@Policy(name = "tenant_isolation", column = "tenant", setting = "app.tenant")
public class Note {

    @Id Long id;

    String tenant;

    String text;

    protected Note() {}

    Note(Long id, String tenant, String text) {
        this.id = id;
        this.tenant = tenant;
        this.text = text;
    }
}
