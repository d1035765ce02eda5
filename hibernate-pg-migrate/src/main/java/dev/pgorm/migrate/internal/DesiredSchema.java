package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.metamodel.MappingMetamodel;

/** Builds the desired schema: Hibernate's schema export {@code create} on a temporary database. */
final class DesiredSchema {

    private DesiredSchema() {}

    /**
     * Boots the entities on {@code db} with {@code hbm2ddl.auto=create}, reads their renames and
     * closes the factory.
     */
    static Renames create(MigrationRequest r, TempDatabase db) {
        Map<String, Object> settings = new HashMap<>(r.properties());
        settings.remove(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE);
        settings.remove(AvailableSettings.JAKARTA_JTA_DATASOURCE);
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, db.url());
        if (db.user() != null) {
            settings.put(AvailableSettings.JAKARTA_JDBC_USER, db.user());
        }
        if (db.password() != null) {
            settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, db.password());
        }
        // explicit, not removed: a persistence unit's own action (often validate or none) must not
        // win, and its scripts must not be written on every plan
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "none");
        settings.put(AvailableSettings.HBM2DDL_AUTO, "create");
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_CREATE_SCHEMAS, true);
        // the temporary database serves no sessions: hibernate-pg-rls's deployment check
        // (PgRlsSettings.CHECK_AT_BOOT, a module migrate does not depend on) would only warn
        // about the scratch server's role
        settings.put("pgorm.rls.check_at_boot", false);
        EntityManagerFactory factory;
        try {
            factory =
                    r.persistenceUnit() != null
                            ? Persistence.createEntityManagerFactory(r.persistenceUnit(), settings)
                            : new HibernatePersistenceConfiguration("pgorm-migrate-desired")
                                    .managedClasses(r.entities())
                                    .properties(settings)
                                    .createEntityManagerFactory();
        } catch (RuntimeException e) {
            throw new PgMigrationException(
                    "the entities' schema could not be created on the scratch server (are the"
                            + " extensions they declare available there?): "
                            + rootMessage(e),
                    e);
        }
        try {
            SessionFactoryImplementor sf = factory.unwrap(SessionFactoryImplementor.class);
            checkMapped(r, sf);
            return Renames.of(sf);
        } finally {
            factory.close();
        }
    }

    /**
     * Refuses a desired schema that lacks entities: Hibernate maps nothing, silently, for classes
     * it cannot load by name, and an empty desired schema would plan dropping every table.
     */
    static void checkMapped(MigrationRequest r, SessionFactoryImplementor sf) {
        MappingMetamodel metamodel = sf.getMappingMetamodel();
        List<String> missing = new ArrayList<>();
        if (r.entities() != null) {
            for (Class<?> entity : r.entities()) {
                if (metamodel.findEntityDescriptor(entity) == null) {
                    missing.add(entity.getName());
                }
            }
        }
        if (!missing.isEmpty() || countEntities(metamodel) == 0) {
            throw new PgMigrationException(
                    "Hibernate mapped "
                            + (missing.isEmpty()
                                    ? "no entity of the persistence unit"
                                    : "none of " + missing)
                            + ", so the desired schema would be empty and the plan would drop"
                            + " every table; make the classes loadable by Hibernate (for classes"
                            + " defined at run time, pass their class loader as"
                            + " hibernate.classLoaders in properties(...))");
        }
    }

    private static int countEntities(MappingMetamodel metamodel) {
        int[] count = {0};
        metamodel.forEachEntityDescriptor(persister -> count[0]++);
        return count[0];
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(": ").append(t.getMessage());
        }
        return sb.toString();
    }
}
