package dev.pgorm.rls;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.spi.EntityAnnotations;
import jakarta.persistence.EntityManagerFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;

/**
 * Finds the deployment mistakes that make row-level security protect nothing, silently: the
 * connecting role is a superuser, has {@code BYPASSRLS}, or owns a protected table that does not
 * {@code FORCE} row-level security. Runs at boot (warnings in the log, see {@link
 * PgRlsSettings#CHECK_AT_BOOT}) and on demand.
 *
 * @since 0.1
 */
public final class RlsDeploymentCheck {

    private static final String ROLE =
            """
            select current_user, rolsuper, rolbypassrls
              from pg_catalog.pg_roles
             where rolname = current_user
            """;

    private static final String TABLE =
            """
            select pg_get_userbyid(relowner) = current_user, relforcerowsecurity, relrowsecurity
              from pg_catalog.pg_class
             where oid = to_regclass(?)
            """;

    /** The connecting role and the privileges that bypass row-level security. */
    private record Role(String name, boolean superuser, boolean bypassRls) {
        static Role of(ResultSet row) throws SQLException {
            return new Role(row.getString(1), row.getBoolean(2), row.getBoolean(3));
        }
    }

    /** Whether the connecting role owns a table, and the table's row-level security flags. */
    private record TableSecurity(boolean owned, boolean forced, boolean enabled) {
        static TableSecurity of(ResultSet row) throws SQLException {
            return new TableSecurity(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3));
        }
    }

    private RlsDeploymentCheck() {}

    /**
     * Returns one message per problem, empty when row-level security applies to the connecting role
     * on every entity annotated with {@link RowLevelSecurity} (on the entity or a mapped
     * superclass).
     *
     * @param factory the entity manager factory to check, through one of its connections
     * @return the problems, each saying what to change; empty when there is none
     */
    public static List<String> check(EntityManagerFactory factory) {
        SessionFactoryImplementor sf = factory.unwrap(SessionFactoryImplementor.class);
        List<String> tables = new ArrayList<>();
        sf.getMappingMetamodel()
                .forEachEntityDescriptor(
                        persister -> {
                            Class<?> type = persister.getMappedClass();
                            if (type != null
                                    && EntityAnnotations.declares(type, RowLevelSecurity.class)
                                    && persister instanceof AbstractEntityPersister p) {
                                tables.add(p.getIdentifierTableName());
                            }
                        });
        List<String> problems = new ArrayList<>();
        try (var session = factory.unwrap(SessionFactory.class).openSession()) {
            session.doWork(
                    c -> {
                        PgCatalog catalog = PgCatalog.on(c);
                        Optional<Role> role = catalog.optional(ROLE, Role::of);
                        if (role.isPresent() && role.get().superuser()) {
                            problems.add(
                                    "row-level security protects nothing: the connecting role "
                                            + role.get().name()
                                            + " is a superuser; connect as an ordinary role");
                        }
                        if (role.isPresent() && role.get().bypassRls()) {
                            problems.add(
                                    "row-level security protects nothing: the connecting role "
                                            + role.get().name()
                                            + " has BYPASSRLS; connect as a role without it");
                        }
                        for (String table : tables) {
                            Optional<TableSecurity> security =
                                    catalog.optional(TABLE, TableSecurity::of, table);
                            if (security.isEmpty()) {
                                continue;
                            }
                            if (!security.get().enabled()) {
                                problems.add(
                                        "table "
                                                + table
                                                + " does not have row-level security enabled; run schema export (create or update)");
                            } else if (security.get().owned() && !security.get().forced()) {
                                problems.add(
                                        "row-level security does not apply to the connecting role on table "
                                                + table
                                                + ": the role owns it and it is not FORCEd; use @RowLevelSecurity(force = true) or connect as another role");
                            }
                        }
                    });
        }
        return problems;
    }
}
