package dev.pgorm.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * PG-ORM's demo: creates the demo database afresh and applies its Flyway migrations (written by
 * {@code mvn pgorm:diff} from the entities: tables, extensions, indexes, partitions, policies and a
 * materialized view), boots Hibernate on a HikariCP pool with {@code hbm2ddl.auto=validate}, loads
 * sample data and prints the results of a few PostgreSQL-flavoured queries, one class per section;
 * last, it plans a migration from the entities to the migrated database, which must be empty.
 *
 * <p>Database: see {@link DemoDatabase}.
 */
public final class DemoApp {

    /** The demo's entities. */
    private static final Class<?>[] ENTITIES = {
        Place.class, Visit.class, PlaceVisits.class, Note.class, Tip.class
    };

    private DemoApp() {}

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        DemoSchema.migrate();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(DemoDatabase.url());
        pool.setUsername(DemoDatabase.user());
        pool.setPassword(DemoDatabase.password());
        pool.setMaximumPoolSize(4);
        pool.setPoolName("pgorm-demo");

        try (HikariDataSource dataSource = new HikariDataSource(pool);
                SessionFactory sf =
                        new HibernatePersistenceConfiguration("pgorm-demo")
                                .managedClasses(ENTITIES)
                                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                                // Flyway made the schema; Hibernate and PG-ORM check that it
                                // matches the entities, as production applications do.
                                .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                                .property(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true)
                                .createEntityManagerFactory()) {
            SampleData.load(sf);
            PartitionDemo.run(sf);
            TipDemo.run(sf);
            VectorDemo.run(sf);
            PostgisDemo.run(sf);
            JsonbDemo.run(sf);
            MaterializedViewDemo.run(sf);
            RangeDemo.run(sf, LocalDate.of(2026, 12, 24));
            FullTextDemo.run(sf, "museums of art");
            LtreeDemo.run(sf, "Berlin.Mitte");
            TenantDemo.run(sf);
            MigrationDemo.run(ENTITIES);
        }
        ReplicaDemo.run();
        System.out.println();
        System.out.println("Demo finished.");
    }
}
