package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.it.bulk.BulkInsertIT.Counter;
import dev.pgorm.it.bulk.BulkInsertIT.Item;
import dev.pgorm.it.bulk.BulkWriteFixture.Doc;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import dev.pgorm.testing.internal.StatementRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Point;

/**
 * Update by id (every mapped type, versions, missing rows, nothing applied on failure) and delete
 * by id (small and chunked sets), in the caller's transaction.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkUpdateDeleteIT extends BulkWriteFixture {

    @Test
    void everyMappedColumnIsUpdatedAsMergeWouldWriteIt() {
        List<Item> rows = items(0, 300);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        List<Item> changed = items(1000, 1300);
        List<Item> merged = items(1000, 1300);
        for (int i = 0; i < 300; i++) {
            changed.get(i).id = rows.get(i).id;
            changed.get(i).code = rows.get(i).code;
            merged.get(i).code = "merged-" + i;
        }
        sf.inTransaction(em -> merged.forEach(em::persist));
        // tag::update[]
        long updated = sf.fromTransaction(em -> PgBulk.update(em, changed));
        // end::update[]
        assertThat(updated).isEqualTo(300);
        for (int i = 0; i < 300; i += 31) {
            assertThat(load(changed.get(i).id))
                    .usingRecursiveComparison()
                    .usingOverriddenEquals()
                    .withEqualsForType((x, y) -> x.equalsExact(y), Point.class)
                    .ignoringFields("id", "code")
                    .isEqualTo(load(merged.get(i).id));
            assertThat(load(changed.get(i).id).code).isEqualTo("code-" + i);
        }
    }

    @Test
    void aStaleVersionFailsTheCallNamingTheRowAndNothingIsApplied(PgTestDatabase db) {
        List<Doc> docs = IntStream.range(0, 300).mapToObj(BulkWriteFixture::doc).toList();
        sf.inTransaction(em -> PgBulk.insert(em, docs));
        long changedId = docs.get(150).id;
        sf.inTransaction(em -> em.find(Doc.class, changedId).title = "changed by someone else");
        docs.forEach(d -> d.title = "bulk");
        PgBulkException stale;
        try (var s = sf.openSession()) {
            s.beginTransaction();
            stale = failing(s, docs);
            // the transaction is not aborted: the statement updated no row at all
            Long bulk =
                    s.createSelectionQuery(
                                    "select count(*) from Doc where title = 'bulk'", Long.class)
                            .getSingleResult();
            assertThat(bulk).isZero();
            s.getTransaction().rollback();
        }
        assertThat(stale.getMessage())
                .contains("id " + changedId, "another version", "no row was updated");
        assertThat(db.sql().queryValue("select count(*) from doc where title = 'bulk'", Long.class))
                .isZero();
        assertThat(docs).allSatisfy(d -> assertThat(d.version).isZero());

        // reloaded, the same update goes through and increments every version
        Doc fresh = sf.fromTransaction(em -> em.find(Doc.class, changedId));
        List<Doc> current = new ArrayList<>(docs);
        current.set(150, fresh);
        fresh.title = "bulk";
        long n = sf.fromTransaction(em -> PgBulk.update(em, current));
        assertThat(n).isEqualTo(300);
        assertThat(fresh.version).isEqualTo(2);
        assertThat(docs.get(0).version).isEqualTo(1);
        assertThat(db.sql().queryValue("select count(*) from doc where title = 'bulk'", Long.class))
                .isEqualTo(300);
        assertThat(db.sql().queryValue("select sum(version) from doc", Long.class)).isEqualTo(301);
        // the entities carry their new versions, so a second update succeeds
        long again = sf.fromTransaction(em -> PgBulk.update(em, current));
        assertThat(again).isEqualTo(300);
    }

    @Test
    void aMissingRowFailsTheCallAndTheConnectionStaysUsable(PgTestDatabase db) {
        List<Doc> docs = IntStream.range(0, 10).mapToObj(BulkWriteFixture::doc).toList();
        sf.inTransaction(em -> PgBulk.insert(em, docs));
        sf.inTransaction(em -> em.remove(em.find(Doc.class, docs.get(4).id)));
        PgBulkException missing = failing(docs);
        assertThat(missing.getMessage()).contains("id " + docs.get(4).id, "does not exist");

        List<Doc> unsaved = List.of(doc(99));
        PgBulkException noId = failing(unsaved);
        assertThat(noId.row()).isZero();
        assertThat(noId.getMessage()).contains("no identifier");

        // the same transaction, on the same connection, goes on after the failure
        long after =
                sf.fromTransaction(
                        em -> {
                            assertThatThrownBy(() -> PgBulk.update(em, docs))
                                    .isInstanceOf(PgBulkException.class);
                            return PgBulk.update(em, docs.subList(0, 4));
                        });
        assertThat(after).isEqualTo(4);
        assertThat(db.sql().queryValue("select count(*) from doc where version = 1", Long.class))
                .isEqualTo(4);
    }

    @Test
    void anIdGivenTwiceFailsTheCallNamingItAndNothingIsApplied(PgTestDatabase db) {
        List<Doc> docs = IntStream.range(0, 300).mapToObj(BulkWriteFixture::doc).toList();
        sf.inTransaction(em -> PgBulk.insert(em, docs));
        docs.forEach(d -> d.title = "twice");
        List<Doc> withRepeat = new ArrayList<>(docs);
        withRepeat.add(docs.get(7));
        PgBulkException twice = failing(withRepeat);
        assertThat(twice.getMessage())
                .contains("id " + docs.get(7).id, "more than once", "no row was updated");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from doc where title = 'twice'",
                                        Long.class))
                .isZero();
    }

    @Test
    void rowsATriggerSkipsAreNoFailureWithoutVersions(PgTestDatabase db) {
        List<Counter> counters =
                IntStream.range(0, 300)
                        .mapToObj(
                                i -> {
                                    Counter c = new Counter();
                                    c.name = "counter " + i;
                                    return c;
                                })
                        .toList();
        sf.inTransaction(em -> PgBulk.insert(em, counters));
        Doc versioned = doc(0);
        sf.inTransaction(em -> PgBulk.insert(em, List.of(versioned)));
        skipOneRow(db, "counter", counters.get(3).id);
        skipOneRow(db, "doc", versioned.id);
        try {
            counters.forEach(c -> c.name = "skipped one");
            long n = sf.fromTransaction(em -> PgBulk.update(em, counters));
            assertThat(n).isEqualTo(299);
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select count(*) from counter where name = 'skipped one'",
                                            Long.class))
                    .isEqualTo(299);

            // with a version, PgBulk cannot tell which entities to give their next version
            versioned.title = "skipped";
            PgBulkException skipped = failing(List.of(versioned));
            assertThat(skipped.getMessage()).contains("skipped by a trigger", "no row was updated");
            assertThat(versioned.version).isZero();
        } finally {
            db.sql()
                    .execute(
                            "drop trigger skip_one on counter",
                            "drop trigger skip_one on doc",
                            "drop function skip_one()");
        }
    }

    /** A trigger on {@code table} that leaves the row {@code id} as it is. */
    private static void skipOneRow(PgTestDatabase db, String table, long id) {
        db.sql()
                .execute(
                        """
                        create or replace function skip_one() returns trigger
                          language plpgsql as $$
                        begin
                          if old.id = any (string_to_array(tg_argv[0], ',')::bigint[])
                          then return null; end if;
                          return new;
                        end $$""",
                        """
                        create trigger skip_one before update on %s for each row
                          execute function skip_one('%d')"""
                                .formatted(table, id));
    }

    @Test
    void pgjdbcAutosaveWithCleanupDoesNotBreakTheCheck(PgTestDatabase db) {
        HikariConfig config = new HikariConfig();
        String url = db.jdbcUrl();
        config.setJdbcUrl(
                url + (url.contains("?") ? "&" : "?") + "autosave=always&cleanupSavepoints=true");
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource autosave = new HikariDataSource(config)) {
            SessionFactory saving =
                    db.entityManagerFactory(
                            List.of(Item.class, Counter.class, Doc.class),
                            Map.of(
                                    AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                    autosave,
                                    AvailableSettings.HBM2DDL_AUTO,
                                    "none"));
            List<Doc> docs = IntStream.range(0, 300).mapToObj(BulkWriteFixture::doc).toList();
            saving.inTransaction(em -> PgBulk.insert(em, docs));
            docs.forEach(d -> d.title = "saved");
            long saved = saving.fromTransaction(em -> PgBulk.update(em, docs));
            assertThat(saved).isEqualTo(300);

            saving.inTransaction(em -> em.find(Doc.class, docs.get(9).id).title = "elsewhere");
            docs.forEach(d -> d.title = "again");
            try (Session s = saving.openSession()) {
                s.beginTransaction();
                assertThatThrownBy(() -> PgBulk.update(s, docs))
                        .hasMessageContaining("id " + docs.get(9).id)
                        .hasMessageContaining("another version");
                // the savepoint was there to roll back to: nothing changed, the transaction lives
                assertThat(
                                s.createSelectionQuery(
                                                "select count(*) from Doc where title = 'again'",
                                                Long.class)
                                        .getSingleResult())
                        .isZero();
                s.getTransaction().rollback();
            }
            // a failing UPDATE (a unique code twice) leaves the transaction going on, as pgjdbc's
            // autosave would have
            List<Doc> current =
                    saving.fromTransaction(
                            em -> em.createQuery("from Doc", Doc.class).getResultList());
            current.get(1).code = current.get(2).code;
            try (Session s = saving.openSession()) {
                s.beginTransaction();
                assertThatThrownBy(() -> PgBulk.update(s, current))
                        .isInstanceOf(PgBulkException.class)
                        .hasMessageContaining("duplicate key")
                        .hasMessageContaining("the transaction is not aborted");
                assertThat(
                                s.createSelectionQuery("select count(*) from Doc", Long.class)
                                        .getSingleResult())
                        .isEqualTo(300);
                s.getTransaction().rollback();
            }
            // without autosave, the same failure aborts the transaction, and says so
            try (Session s = sf.openSession()) {
                s.beginTransaction();
                assertThatThrownBy(() -> PgBulk.update(s, current))
                        .hasMessageContaining("duplicate key")
                        .hasMessageContaining("the transaction is aborted: roll it back");
                s.getTransaction().rollback();
            }
            db.close(saving);
        }
    }

    @Test
    void theDatabaseChangesButManagedEntitiesDoNot() {
        List<Item> rows = items(0, 3);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        long id = rows.get(0).id;
        sf.inTransaction(
                em -> {
                    Item managed = em.find(Item.class, id);
                    rows.get(0).quantity = 777;
                    PgBulk.update(em, rows);
                    assertThat(managed.quantity).isZero();
                    // tag::refresh[]
                    em.refresh(managed); // or em.clear() before loading again
                    // end::refresh[]
                    assertThat(managed.quantity).isEqualTo(777);
                });
    }

    @Test
    void deleteByIdsInOneOrSeveralStatements(PgTestDatabase db) {
        List<Item> rows = items(0, 500);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(rows.get(i).id);
        }
        ids.add(-1L); // no such row: ignored
        // tag::delete[]
        long deleted = sf.fromTransaction(em -> PgBulk.delete(em, Item.class, ids));
        // end::delete[]
        assertThat(deleted).isEqualTo(300);
        assertThat(db.sql().queryValue("select count(*) from item", Long.class)).isEqualTo(200);
        assertThat(load(rows.get(300).id)).isNotNull();

        List<Counter> counters =
                IntStream.range(0, 25_000)
                        .mapToObj(
                                i -> {
                                    Counter c = new Counter();
                                    c.name = "c" + i;
                                    return c;
                                })
                        .toList();
        sf.inTransaction(em -> PgBulk.insert(em, counters));
        List<Long> all = counters.stream().map(c -> c.id).toList();
        try (var s = sf.openSession()) {
            s.beginTransaction();
            assertThat(PgBulk.delete(s, Counter.class, all)).isEqualTo(25_000);
            s.getTransaction().rollback();
        }
        assertThat(db.sql().queryValue("select count(*) from counter", Long.class))
                .isEqualTo(25_000);
        long kept = all.get(24_999);
        long n = sf.fromTransaction(em -> PgBulk.delete(em, Counter.class, all.subList(0, 24_999)));
        assertThat(n).isEqualTo(24_999);
        assertThat(db.sql().queryValue("select id from counter", Long.class)).isEqualTo(kept);
        long last =
                sf.fromTransaction(
                        em ->
                                PgBulk.delete(
                                        em, Counter.class, LongStream.of(kept).boxed().toList()));
        assertThat(last).isEqualTo(1);
    }

    @Test
    void fewRowsTakeStatementsAndManyTakeCopyOrChunkedArrays() {
        List<Counter> counters =
                IntStream.range(0, 25_000)
                        .mapToObj(
                                i -> {
                                    Counter c = new Counter();
                                    c.name = "c" + i;
                                    return c;
                                })
                        .toList();
        sf.inTransaction(em -> PgBulk.insert(em, counters));
        counters.forEach(c -> c.name = "renamed");
        // update: below the COPY threshold the rows go into the temporary table as INSERTs...
        List<String> few =
                sqlOf(() -> sf.inTransaction(em -> PgBulk.update(em, counters.subList(0, 10))));
        assertThat(few).anyMatch(sql -> sql.startsWith("insert into pgorm_bulk_"));
        // ...above it by COPY, which is no prepared statement
        List<String> many =
                sqlOf(() -> sf.inTransaction(em -> PgBulk.update(em, counters.subList(10, 500))));
        assertThat(many).noneMatch(sql -> sql.startsWith("insert into pgorm_bulk_"));
        assertThat(many).filteredOn(sql -> sql.contains("update counter")).hasSize(1);

        // delete: = ANY(?) with one array, one statement per 10,000 ids
        List<Long> ids = counters.stream().map(c -> c.id).toList();
        List<String> small =
                sqlOf(
                        () ->
                                sf.inTransaction(
                                        em -> PgBulk.delete(em, Counter.class, ids.subList(0, 3))));
        assertThat(small).filteredOn(sql -> sql.contains("delete from counter")).hasSize(1);
        List<String> large =
                sqlOf(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgBulk.delete(
                                                        em,
                                                        Counter.class,
                                                        ids.subList(3, 25_000))));
        assertThat(large)
                .filteredOn(sql -> sql.contains("delete from counter where id = any("))
                .hasSize(3);
    }

    private static List<String> sqlOf(Runnable work) {
        return StatementRecorder.record(work).stream()
                .map(StatementRecorder.Recorded::sql)
                .toList();
    }

    @Test
    void rollbackUndoesTheUpdate(PgTestDatabase db) {
        List<Item> rows = items(0, 300);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        rows.forEach(r -> r.quantity = -5);
        try (var s = sf.openSession()) {
            s.beginTransaction();
            assertThat(PgBulk.update(s, rows.stream())).isEqualTo(300);
            s.getTransaction().rollback();
        }
        assertThat(db.sql().queryValue("select count(*) from item where quantity = -5", Long.class))
                .isZero();
    }

    private static PgBulkException failing(Session s, List<Doc> docs) {
        try {
            PgBulk.update(s, docs);
        } catch (PgBulkException e) {
            return e;
        }
        throw new AssertionError("the update should have failed");
    }

    private PgBulkException failing(List<Doc> docs) {
        try (var s = sf.openSession()) {
            s.beginTransaction();
            try {
                PgBulk.update(s, docs);
                throw new AssertionError("the update should have failed");
            } catch (PgBulkException e) {
                return e;
            } finally {
                s.getTransaction().rollback();
            }
        }
    }
}
