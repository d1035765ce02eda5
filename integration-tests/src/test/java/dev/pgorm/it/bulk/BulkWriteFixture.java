package dev.pgorm.it.bulk;

import dev.pgorm.it.bulk.BulkInsertIT.Counter;
import dev.pgorm.it.bulk.BulkInsertIT.Item;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture the upsert and update/delete ITs share: {@link Item} (every mapped type), {@link
 * Counter} (an IDENTITY id) and {@link Doc} (a version and a unique code), emptied before each
 * test. Subclasses are {@code @PgTest} with a per-class lifecycle.
 */
abstract class BulkWriteFixture {

    @Entity(name = "Doc")
    @Table(name = "doc")
    public static class Doc {
        @Id @GeneratedValue Long id;

        @Column(unique = true)
        String code;

        String title;

        @Version Integer version;
    }

    SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.hasExtensions("vector", "postgis")) {
            return; // no fixture: each test then skips, by name, in empty()
        }
        sf = db.entityManagerFactory(Item.class, Counter.class, Doc.class);
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        // pgvector and PostGIS columns in the fixture: each test skips where the server lacks them.
        db.requireExtension("vector");
        db.requireExtension("postgis");
        db.execute("delete from item", "delete from counter", "delete from doc");
    }

    static List<Item> items(int from, int to) {
        return new ArrayList<>(IntStream.range(from, to).mapToObj(BulkInsertIT::item).toList());
    }

    Item load(long id) {
        return sf.fromTransaction(s -> s.find(Item.class, id));
    }

    static Doc doc(int i) {
        Doc d = new Doc();
        d.code = "doc-" + i;
        d.title = "title " + i;
        return d;
    }
}
