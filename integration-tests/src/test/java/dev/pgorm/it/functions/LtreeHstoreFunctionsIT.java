package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.types.PgSqlTypes;
import io.hypersistence.utils.hibernate.type.basic.PostgreSQLHStoreType;
import io.hypersistence.utils.hibernate.type.basic.PostgreSQLLTreeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
 * ltree and hstore operators in HQL: rendered as operators, served by GiST and GIN indexes on
 * 100,000 rows, equal to the same operators in plain SQL.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LtreeHstoreFunctionsIT {

    // tag::entities[]
    @Entity(name = "Category")
    @Table(name = "category")
    @PgIndex(name = "category_path_gist", columns = "path", method = IndexMethod.GIST)
    static class Category {
        @Id Long id;

        @JdbcTypeCode(PgSqlTypes.LTREE)
        String path;
    }

    @Entity(name = "Item")
    @Table(name = "item")
    @PgIndex(name = "item_tags_gin", columns = "tags", method = IndexMethod.GIN)
    static class Item {
        @Id Long id;

        @JdbcTypeCode(PgSqlTypes.HSTORE)
        Map<String, String> tags;
    }

    // end::entities[]

    /** The same columns through Hypersistence Utils' user types. */
    @Entity(name = "Folder")
    @Table(name = "folder")
    static class Folder {
        @Id Long id;

        @Type(PostgreSQLLTreeType.class)
        String path;

        @Type(PostgreSQLHStoreType.class)
        Map<String, String> labels;
    }

    private SessionFactory sf;

    /** Each test skips, by name, where the run declared ltree or hstore absent. */
    @BeforeEach
    void needsExtensions(PgTestDatabase db) {
        db.requireExtension("ltree");
        db.requireExtension("hstore");
    }

    @BeforeAll
    void load(PgTestDatabase db) {
        if (!db.hasExtensions("ltree", "hstore")) {
            return; // no fixture: each test then skips, by name, in needsExtensions
        }
        sf = db.entityManagerFactory(Category.class, Item.class, Folder.class);
        db.execute(
                // leaves top.c<0-49>.d<0-996>.n<id>, and the inner nodes top and top.c<k>
                "insert into category (id, path) select g,"
                        + " ('top.c' || g % 50 || '.d' || g % 997 || '.n' || g)::ltree"
                        + " from generate_series(1, 100000) g",
                "insert into category (id, path) values (200000, 'top')",
                "insert into category (id, path) select 200001 + k, ('top.c' || k)::ltree"
                        + " from generate_series(0, 49) k",
                "insert into item (id, tags) select g, hstore(array['color', (array['red','green','blue'])[g % 3 + 1],"
                        + " 'size', (g % 40)::text])"
                        + " || case when g % 997 = 0 then hstore('promo', 'yes') else ''::hstore end"
                        + " from generate_series(1, 100000) g",
                "insert into folder (id, path, labels) values (1, 'docs', 'owner => ann'),"
                        + " (2, 'docs.specs', 'owner => bob, draft => yes'), (3, 'docs.specs.v2', 'owner => ann'),"
                        + " (4, 'mail', 'owner => bob')",
                "vacuum analyze category",
                "vacuum analyze item");
    }

    private List<Long> ids(String hql, Object... params) {
        return sf.fromTransaction(
                s -> {
                    var q = s.createSelectionQuery(hql, Long.class);
                    for (int i = 0; i < params.length; i++) {
                        q.setParameter("p" + (i + 1), params[i]);
                    }
                    return q.getResultList();
                });
    }

    private List<Long> sql(PgTestDatabase db, String table, String where) {
        return db
                .sql()
                .query("select id from " + table + " where " + where + " order by id")
                .stream()
                .map(r -> ((Number) r.get("id")).longValue())
                .toList();
    }

    @Test
    void descendantsAndAncestorsUseTheGistIndex(PgTestDatabase db) {
        // tag::ltree[]
        String descendants =
                "select c.id from Category c where ltree_is_descendant(c.path, :p1) order by c.id";
        List<Long> under = ids(descendants, "top.c7.d107");
        // end::ltree[]
        assertThat(under)
                .containsExactly(107L, 49957L, 99807L) // g % 50 = 7 and g % 997 = 107
                .isEqualTo(sql(db, "category", "path <@ 'top.c7.d107'"));
        db.assertUsesIndex("category_path_gist", () -> ids(descendants, "top.c7.d107"));

        String ancestors =
                "select c.id from Category c where ltree_is_ancestor(c.path, :p1) order by c.id";
        List<Long> above = ids(ancestors, "top.c7.d483.n42357");
        assertThat(above)
                .containsExactly(42357L, 200000L, 200008L) // itself, top, top.c7
                .isEqualTo(sql(db, "category", "path @> 'top.c7.d483.n42357'"));
        db.assertUsesIndex("category_path_gist", () -> ids(ancestors, "top.c7.d483.n42357"));
    }

    @Test
    void lqueryMatchesUseTheGistIndex(PgTestDatabase db) {
        String matches =
                "select c.id from Category c where ltree_matches(c.path, :p1) order by c.id";
        List<Long> found = ids(matches, "top.*.d5.*");
        assertThat(found)
                .hasSize(101) // g % 997 = 5 for g <= 100,000
                .isEqualTo(sql(db, "category", "path ~ 'top.*.d5.*'"));
        db.assertUsesIndex("category_path_gist", () -> ids(matches, "top.*.d5.*"));

        // tag::lquery-any[]
        String any =
                "select c.id from Category c where ltree_matches_any(c.path, :p1, :p2) order by c.id";
        List<Long> either = ids(any, "top.c1.d5.*", "*.n99999");
        // end::lquery-any[]
        assertThat(either)
                .containsExactly(17951L, 67801L, 99999L)
                .isEqualTo(
                        sql(db, "category", "path ?? array['top.c1.d5.*', '*.n99999']::lquery[]"));
        db.assertUsesIndex("category_path_gist", () -> ids(any, "top.c1.d5.*", "*.n99999"));
    }

    @Test
    void nlevelAndSubpathAreTyped() {
        long inner =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select count(c) from Category c where nlevel(c.path) = 2",
                                                Long.class)
                                        .getSingleResult());
        assertThat(inner).isEqualTo(50);
        // tag::subpath[]
        List<String> heads =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select subpath(c.path, 2) from Category c"
                                                        + " where subpath(c.path, 0, 2) = :head and nlevel(c.path) = 4"
                                                        + " order by c.id",
                                                String.class)
                                        .setParameter("head", "top.c3")
                                        .setMaxResults(2)
                                        .getResultList());
        // end::subpath[]
        assertThat(heads).containsExactly("d3.n3", "d53.n53");
        Integer levels =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select nlevel(subpath(c.path, 1)) from Category c where c.id = 5",
                                                Integer.class)
                                        .getSingleResult());
        assertThat(levels).isEqualTo(3);
    }

    @Test
    void hstoreKeyAndContainmentUseTheGinIndex(PgTestDatabase db) {
        // tag::hstore[]
        String hasKey = "select i.id from Item i where hstore_has_key(i.tags, :p1) order by i.id";
        List<Long> promoted = ids(hasKey, "promo");
        String contains =
                "select i.id from Item i where hstore_contains(i.tags, :p1) order by i.id";
        List<Long> redPromoted = ids(contains, "promo => yes, color => red");
        // end::hstore[]
        assertThat(promoted).hasSize(100).isEqualTo(sql(db, "item", "tags ?? 'promo'"));
        db.assertUsesIndex("item_tags_gin", () -> ids(hasKey, "promo"));
        assertThat(redPromoted)
                .hasSize(33) // multiples of 997 that are multiples of 3
                .isEqualTo(sql(db, "item", "tags @> 'promo=>yes, color=>red'"));
        db.assertUsesIndex(
                "item_tags_gin", () -> ids(contains, "\"promo\"=>\"yes\", \"color\"=>\"red\""));
    }

    @Test
    void hstoreGetReturnsTheValue() {
        List<String> colors =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select hstore_get(i.tags, 'color') from Item i"
                                                        + " where hstore_get(i.tags, 'size') = :size and i.id <= 100"
                                                        + " order by i.id",
                                                String.class)
                                        .setParameter("size", "7")
                                        .getResultList());
        // ids 7, 47 and 87 have size 7; their colors follow g % 3
        assertThat(colors).containsExactly("green", "blue", "red");
    }

    @Test
    void hypersistenceTypesWorkWithTheOperators() {
        List<Long> underSpecs =
                ids(
                        "select f.id from Folder f where ltree_is_descendant(f.path, :p1) order by f.id",
                        "docs.specs");
        assertThat(underSpecs).containsExactly(2L, 3L);
        List<Long> drafts =
                ids(
                        "select f.id from Folder f where hstore_has_key(f.labels, :p1) order by f.id",
                        "draft");
        assertThat(drafts).containsExactly(2L);
        List<Long> anns =
                ids(
                        "select f.id from Folder f where hstore_contains(f.labels, :p1) order by f.id",
                        "owner => ann");
        assertThat(anns).containsExactly(1L, 3L);
        List<String> owners =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select hstore_get(f.labels, 'owner') from Folder f"
                                                        + " where nlevel(f.path) = 1 order by f.id",
                                                String.class)
                                        .getResultList());
        assertThat(owners).containsExactly("ann", "bob");
    }
}
