package dev.pgorm.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgRange;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * PG-ORM registers itself through Hibernate's service loading, so booting from {@code
 * META-INF/persistence.xml} with {@code Persistence.createEntityManagerFactory} gets every module:
 * DDL, types, HQL functions and the RLS connection wrapper. (The programmatic way is
 * GettingStartedIT's.)
 */
@PgTest
class BootstrapWaysIT {

    @Entity(name = "Listing")
    @PgIndex(name = "listing_attrs_gin", columns = "attrs", method = IndexMethod.GIN)
    public static class Listing {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;

        PgRange<Integer> floors;
    }

    @Test
    void persistenceXmlGetsEveryModule(PgTestDatabase db) {
        EntityManagerFactory emf =
                Persistence.createEntityManagerFactory(
                        "pgorm-bootstrap",
                        Map.of(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, db.dataSource()));
        try (SessionFactory sf = emf.unwrap(SessionFactory.class)) {
            // ddl: the index method; types: the range column
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select indexdef from pg_indexes where indexname = 'listing_attrs_gin'",
                                            String.class))
                    .contains("USING gin (attrs)");
            assertThat(db.sql().columnTypes("listing").get("floors")).isEqualTo("int4range");
            sf.inTransaction(
                    em -> {
                        Listing l = new Listing();
                        l.id = 1L;
                        l.attrs = Map.of("city", "Oslo");
                        l.floors = PgRange.closedOpen(1, 5);
                        em.persist(l);
                    });
            // functions: an operator from HQL
            Long found =
                    sf.fromTransaction(
                            em ->
                                    em.createSelectionQuery(
                                                    "select l.id from Listing l where jsonb_contains(l.attrs, :doc)"
                                                            + " and range_contains(l.floors, 3)",
                                                    Long.class)
                                            .setParameter("doc", "{\"city\":\"Oslo\"}")
                                            .getSingleResult());
            assertThat(found).isEqualTo(1L);
            // rls: the settings reach the session's connection
            try (var scope = RlsContext.set("app.tenant_id", "42")) {
                String tenant =
                        sf.fromTransaction(
                                em ->
                                        em.createNativeQuery(
                                                        "select current_setting('app.tenant_id', true)",
                                                        String.class)
                                                .getSingleResult()
                                                .toString());
                assertThat(tenant).isEqualTo("42");
            }
        }
    }
}
