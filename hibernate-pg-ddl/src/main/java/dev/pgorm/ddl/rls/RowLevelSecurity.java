package dev.pgorm.ddl.rls;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enables row-level security on the entity's table ({@code ALTER TABLE ... ENABLE ROW LEVEL
 * SECURITY}), so that only rows that its {@link Policy policies} allow are visible.
 *
 * <p>Superusers and roles with {@code BYPASSRLS} always bypass row-level security, and so does the
 * table's owner unless {@link #force()} is set: connect as a role that is none of these. On a
 * partitioned entity the policies are applied to every partition too, so that querying a partition
 * directly is no way around them.
 *
 * <p>On a {@code @MappedSuperclass}, it applies to the table of every entity extending it.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RowLevelSecurity {

    /**
     * Returns whether the policies apply to the table's owner too ({@code FORCE ROW LEVEL
     * SECURITY}); true by default.
     *
     * @return true to force row-level security on the owner; false leaves the owner unrestricted
     */
    boolean force() default true;

    /**
     * Returns whether an entity with Hibernate's {@code @TenantId} gets a generated {@code
     * tenant_isolation} policy on that column (true by default): rows whose tenant column equals
     * the {@link #tenantSetting()} setting, for reading and writing, and none when the setting is
     * missing or empty. hibernate-pg-rls sets it from Hibernate's current tenant.
     *
     * @return true to generate the policy; false to write the tenant's policy yourself
     */
    boolean tenantPolicy() default true;

    /**
     * Returns the setting that the generated tenant policy reads; {@code pgorm.tenant_id} by
     * default.
     *
     * @return a custom setting name with a prefix, such as {@code app.tenant_id}
     */
    String tenantSetting() default "pgorm.tenant_id";
}
