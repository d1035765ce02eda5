package dev.pgorm.it.spring.replicas;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/** A row of one tenant, hidden from the others by a Hibernate filter. */
@Entity
@FilterDef(name = "tenant", parameters = @ParamDef(name = "tenant", type = String.class))
@Filter(name = "tenant", condition = "tenant = :tenant")
public class TenantNote {
    @Id Long id;

    String tenant;

    protected TenantNote() {}

    TenantNote(Long id, String tenant) {
        this.id = id;
        this.tenant = tenant;
    }
}
