package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A wrong argument count or type fails when the query is compiled, naming the function. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionErrorsIT {

    @Entity(name = "Thing")
    static class Thing {
        @Id Long id;
        String name;
        int size;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Thing.class);
    }

    private void failsToCompile(String hql, String... fragments) {
        var assertion =
                assertThatThrownBy(
                        () -> sf.inTransaction(s -> s.createSelectionQuery(hql, Object.class)));
        for (String fragment : fragments) {
            assertion.hasMessageContaining(fragment);
        }
    }

    @Test
    void wrongArgumentCounts() {
        failsToCompile("select ts_match(t.name) from Thing t", "ts_match");
        failsToCompile("select to_tsvector('english', t.name, 'x') from Thing t", "to_tsvector");
        failsToCompile("select jsonb_has_any_key(t.attrs) from Thing t", "jsonb_has_any_key");
    }

    @Test
    void wrongArgumentTypes() {
        failsToCompile(
                "select jsonb_contains(t.size, '{}') from Thing t", "jsonb_contains", "JSON");
        failsToCompile("select similarity(t.size, 'x') from Thing t", "similarity", "STRING");
    }
}
