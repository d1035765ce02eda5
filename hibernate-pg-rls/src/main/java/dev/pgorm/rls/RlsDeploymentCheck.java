package dev.pgorm.rls;

import dev.pgorm.ddl.internal.EntityAnnotations;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
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
                        try (PreparedStatement ps =
                                        c.prepareStatement(
                                                "select current_user, rolsuper, rolbypassrls from pg_catalog.pg_roles where rolname = current_user");
                                ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                if (rs.getBoolean(2)) {
                                    problems.add(
                                            "row-level security protects nothing: the connecting role "
                                                    + rs.getString(1)
                                                    + " is a superuser; connect as an ordinary role");
                                }
                                if (rs.getBoolean(3)) {
                                    problems.add(
                                            "row-level security protects nothing: the connecting role "
                                                    + rs.getString(1)
                                                    + " has BYPASSRLS; connect as a role without it");
                                }
                            }
                        }
                        for (String table : tables) {
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "select pg_get_userbyid(relowner) = current_user, relforcerowsecurity, relrowsecurity"
                                                    + " from pg_catalog.pg_class where oid = to_regclass(?)")) {
                                ps.setString(1, table);
                                try (ResultSet rs = ps.executeQuery()) {
                                    if (!rs.next()) {
                                        continue;
                                    }
                                    if (!rs.getBoolean(3)) {
                                        problems.add(
                                                "table "
                                                        + table
                                                        + " does not have row-level security enabled; run schema export (create or update)");
                                    } else if (rs.getBoolean(1) && !rs.getBoolean(2)) {
                                        problems.add(
                                                "row-level security does not apply to the connecting role on table "
                                                        + table
                                                        + ": the role owns it and it is not FORCEd; use @RowLevelSecurity(force = true) or connect as another role");
                                    }
                                }
                            }
                        }
                    });
        }
        return problems;
    }
}
