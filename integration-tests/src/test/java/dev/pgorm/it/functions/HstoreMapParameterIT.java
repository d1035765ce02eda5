package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgSqlTypes;
import io.hypersistence.utils.hibernate.type.basic.PostgreSQLHStoreType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@code Map} query parameter beside a {@code PgSqlTypes.HSTORE} attribute binds as {@code
 * hstore}: in {@code hstore_contains}, served by the GIN index on 100,000 rows, and compared with
 * {@code =}; the rows equal the same operators in plain SQL. Beside Hypersistence Utils' hstore
 * type it does not, as the docs say.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HstoreMapParameterIT {

    @Entity(name = "Item")
    @Table(name = "item")
    @PgIndex(name = "item_tags_gin", columns = "tags", method = IndexMethod.GIN)
    static class Item {
        @Id Long id;

        @JdbcTypeCode(PgSqlTypes.HSTORE)
        Map<String, String> tags;
    }

    /** The same column through Hypersistence Utils' user type, which widens nothing. */
    @Entity(name = "Folder")
    @Table(name = "folder")
    static class Folder {
        @Id Long id;

        @Type(PostgreSQLHStoreType.class)
        Map<String, String> labels;
    }

    /** An hstore attribute inside an embeddable. */
    @Embeddable
    static class Labels {
        @JdbcTypeCode(PgSqlTypes.HSTORE)
        Map<String, String> labels;
    }

    @Entity(name = "Shelf")
    @Table(name = "shelf")
    static class Shelf {
        @Id Long id;

        @Embedded Labels meta;
    }

    /** Serializable, so Hibernate types it {@code Serializable} as it does a {@code HashMap}. */
    record Probe(String color) implements Serializable {}

    private SessionFactory sf;

    /** Each test skips, by name, where the run declared hstore absent. */
    @BeforeEach
    void needsExtension(PgTestDatabase db) {
        db.requireExtension("hstore");
    }

    @BeforeAll
    void load(PgTestDatabase db) {
        if (!db.hasExtensions("hstore")) {
            return; // no fixture: each test then skips, by name, in needsExtension
        }
        sf = db.entityManagerFactory(Item.class, Folder.class, Shelf.class);
        db.execute(
                "insert into item (id, tags) select g, hstore(array['color', (array['red','green','blue'])[g % 3 + 1],"
                        + " 'size', (g % 40)::text])"
                        + " || case when g % 997 = 0 then hstore('promo', 'yes') else ''::hstore end"
                        + " from generate_series(1, 100000) g",
                "insert into folder (id, labels) values (1, 'owner => ann'), (2, 'owner => bob')",
                "insert into shelf (id, labels) values (1, 'owner => ann'), (2, 'owner => bob')",
                "vacuum analyze item");
    }

    private List<Long> ids(String hql, Object param) {
        return sf.fromTransaction(
                s ->
                        s.createSelectionQuery(hql, Long.class)
                                .setParameter("tags", param)
                                .getResultList());
    }

    private List<Long> sql(PgTestDatabase db, String where) {
        return db.sql().query("select id from item where " + where + " order by id").stream()
                .map(r -> ((Number) r.get("id")).longValue())
                .toList();
    }

    @Test
    void containsTakesAMapAndUsesTheGinIndex(PgTestDatabase db) {
        // tag::map-contains[]
        String contains =
                "select i.id from Item i where hstore_contains(i.tags, :tags) order by i.id";
        List<Long> redPromoted = ids(contains, Map.of("promo", "yes", "color", "red"));
        // end::map-contains[]
        assertThat(redPromoted)
                .hasSize(33) // multiples of 997 that are multiples of 3
                .isEqualTo(sql(db, "tags @> 'promo=>yes, color=>red'"));
        Map<String, String> probe = new HashMap<>(Map.of("size", "7", "color", "green"));
        assertThat(ids(contains, probe))
                .hasSize(834) // g % 120 = 7
                .isEqualTo(sql(db, "tags @> 'size=>7, color=>green'"));
        db.assertUsesIndex("item_tags_gin", () -> ids(contains, Map.of("promo", "yes")));
        List<String> plans = db.explain(() -> ids(contains, Map.of("size", "7")));
        assertThat(plans).singleElement().asString().contains("'\"size\"=>\"7\"'::hstore");
    }

    @Test
    void aMapOnTheLeftTakesTheAttributesTypeToo(PgTestDatabase db) {
        Map<String, String> superset = Map.of("color", "red", "size", "1", "promo", "yes");
        assertThat(
                        ids(
                                "select i.id from Item i where hstore_contains(:tags, i.tags) order by i.id",
                                superset))
                .hasSize(833) // g % 120 = 81, with promo or without
                .isEqualTo(sql(db, "'color=>red, size=>1, promo=>yes' @> tags"));
    }

    @Test
    void containsStillTakesAnHstoreLiteralAndHasKeyAString(PgTestDatabase db) {
        assertThat(
                        ids(
                                "select i.id from Item i where hstore_contains(i.tags, :tags) order by i.id",
                                "promo => yes, color => red"))
                .hasSize(33)
                .isEqualTo(sql(db, "tags @> 'promo=>yes, color=>red'"));
        String hasKey = "select i.id from Item i where hstore_has_key(i.tags, :tags) order by i.id";
        assertThat(ids(hasKey, "promo")).hasSize(100).isEqualTo(sql(db, "tags ?? 'promo'"));
        db.assertUsesIndex("item_tags_gin", () -> ids(hasKey, "promo"));
    }

    @Test
    void aMapComparesWithEquals(PgTestDatabase db) {
        // tag::map-equals[]
        List<Long> exact =
                ids(
                        "select i.id from Item i where i.tags = :tags order by i.id",
                        Map.of("color", "red", "size", "1"));
        // end::map-equals[]
        assertThat(exact)
                .hasSize(832) // g % 120 = 81, less the one that is a multiple of 997 (promo)
                .isEqualTo(sql(db, "tags = 'color=>red, size=>1'"));
    }

    @Test
    void anAttributeOfAnEmbeddableTakesAMapToo() {
        assertThat(
                        ids(
                                "select s.id from Shelf s where hstore_contains(s.meta.labels, :tags)",
                                Map.of("owner", "bob")))
                .containsExactly(2L);
    }

    @Test
    void besideHypersistencesTypeAMapIsStillSerializedSoPassAString() {
        String contains = "select f.id from Folder f where hstore_contains(f.labels, :tags)";
        assertThatThrownBy(() -> ids(contains, Map.of("owner", "ann")))
                .hasMessageContaining("cannot cast type bytea to hstore");
        assertThat(ids(contains, "owner => ann")).containsExactly(1L);
    }

    @Test
    void aValueThatIsNoMapFailsBeforeTheStatementIsSent() {
        assertThatThrownBy(
                        () ->
                                ids(
                                        "select i.id from Item i where hstore_contains(i.tags, :tags)",
                                        new Probe("red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a Map<String, String>")
                .hasMessageContaining(Probe.class.getName());
    }
}
