package dev.pgorm.it.spring.rls;

import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.TenantId;

/** A row of one tenant: Hibernate's {@code @TenantId}, enforced again by a policy. */
@Entity
@RowLevelSecurity(force = true)
@Policy(
        name = "doc_tenant",
        using = "tenant = current_setting('app.tenant_id', true)",
        withCheck = "tenant = current_setting('app.tenant_id', true)")
public class TenantDoc {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @TenantId String tenant;

    String title;

    protected TenantDoc() {}

    TenantDoc(String title) {
        this.title = title;
    }
}
