package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.it.bulk.BulkInsertIT.Counter;
import dev.pgorm.it.bulk.BulkInsertIT.Item;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Point;

/**
 * Upsert: conflicts on the id, a unique constraint and natural-key columns, DO NOTHING, versions,
 * generated ids for new rows only, every mapped type read back, rollback and failing rows.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkUpsertIT extends BulkWriteFixture {

    /**
     * Checks that the row of {@code id} reads back as the same values written by {@code persist}
     * read back (so that both go through the same round trip: ranges normalized, offsets in UTC).
     */
    private void assertReadsBackLikePersist(long id, int source) {
        Item reference = BulkInsertIT.item(source);
        reference.code = "reference-" + source;
        sf.inTransaction(em -> em.persist(reference));
        assertThat(load(id))
                .usingRecursiveComparison()
                .usingOverriddenEquals()
                .withEqualsForType((x, y) -> x.equalsExact(y), Point.class)
                .ignoringFields("id", "code")
                .isEqualTo(load(reference.id));
        sf.inTransaction(em -> em.remove(em.find(Item.class, reference.id)));
    }

    @Test
    void conflictsOnTheIdUpdateExistingRowsAndInsertNewOnes() {
        List<Item> existing = items(0, 300);
        sf.inTransaction(em -> PgBulk.insert(em, existing));
        List<Item> feed = new ArrayList<>();
        for (int i = 0; i < 300; i += 2) {
            Item changed = BulkInsertIT.item(i + 5000);
            changed.id = existing.get(i).id;
            changed.code = existing.get(i).code;
            feed.add(changed);
        }
        List<Item> fresh = items(10_000, 10_150);
        feed.addAll(fresh);
        // tag::upsert[]
        PgBulkResult r = sf.fromTransaction(em -> PgBulk.upsert(em, feed, PgConflict.onId()));
        // r.inserted() == 150, r.updated() == 150
        // end::upsert[]
        assertThat(r).isEqualTo(new PgBulkResult(150, 150, 0));
        assertThat(fresh).allSatisfy(it -> assertThat(it.id).isNotNull());
        for (int k = 0; k < 150; k += 29) {
            assertReadsBackLikePersist(feed.get(k).id, 2 * k + 5000); // updated
            assertReadsBackLikePersist(fresh.get(k).id, 10_000 + k); // inserted
        }
        // rows not in the feed are untouched
        assertReadsBackLikePersist(existing.get(1).id, 1);
        Long total =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select count(*) from Item", Long.class)
                                        .getSingleResult());
        assertThat(total).isEqualTo(450);
    }

    @Test
    void conflictsOnAUniqueConstraintOrNaturalKeyColumns(PgTestDatabase db) {
        List<Item> existing = items(0, 10);
        sf.inTransaction(em -> PgBulk.insert(em, existing));
        String constraint =
                db.sql()
                        .queryValue(
                                "select conname::text from pg_constraint"
                                        + " where conrelid = 'item'::regclass and contype = 'u'",
                                String.class);
        List<Item> byCode = items(0, 5); // same codes, no ids
        byCode.forEach(it -> it.quantity = 1000 + it.quantity);
        PgBulkResult onConstraint =
                sf.fromTransaction(
                        em -> PgBulk.upsert(em, byCode, PgConflict.onConstraint(constraint)));
        assertThat(onConstraint).isEqualTo(new PgBulkResult(0, 5, 0));
        // the rows keep their ids; the new ids drawn for the feed are not written over them
        assertThat(load(existing.get(3).id).quantity).isEqualTo(1003);

        List<Item> natural = items(3, 13);
        natural.forEach(it -> it.quantity = 2000 + it.quantity);
        // tag::upsert-natural[]
        PgBulkResult r =
                sf.fromTransaction(
                        em -> PgBulk.upsert(em, natural, PgConflict.onColumns("code").doUpdate()));
        // end::upsert-natural[]
        assertThat(r).isEqualTo(new PgBulkResult(3, 7, 0));
        assertThat(load(existing.get(9).id).quantity).isEqualTo(2009);
        assertThat(db.sql().queryValue("select count(*) from item", Long.class)).isEqualTo(13);
    }

    @Test
    void doNothingKeepsExistingRows(PgTestDatabase db) {
        List<Item> existing = items(0, 250);
        sf.inTransaction(em -> PgBulk.insert(em, existing));
        List<Item> feed = items(200, 450);
        feed.forEach(it -> it.quantity = -1);
        PgBulkResult r =
                sf.fromTransaction(
                        em -> PgBulk.upsert(em, feed, PgConflict.onColumns("code").doNothing()));
        assertThat(r).isEqualTo(new PgBulkResult(200, 0, 50));
        assertThat(db.sql().queryValue("select count(*) from item where quantity = -1", Long.class))
                .isEqualTo(200);
        assertThat(load(existing.get(220).id).quantity).isEqualTo(220);
    }

    @Test
    void aStaleVersionIsNotOverwrittenAndCurrentOnesAreIncremented(PgTestDatabase db) {
        List<Doc> docs = IntStream.range(0, 300).mapToObj(BulkWriteFixture::doc).toList();
        sf.inTransaction(em -> PgBulk.insert(em, docs));
        assertThat(docs).allSatisfy(d -> assertThat(d.version).isZero());
        long changedId = docs.get(7).id;
        sf.inTransaction(em -> em.find(Doc.class, changedId).title = "changed by someone else");
        docs.forEach(d -> d.title = "imported");
        PgBulkResult r = sf.fromTransaction(em -> PgBulk.upsert(em, docs, PgConflict.onId()));
        assertThat(r).isEqualTo(new PgBulkResult(0, 299, 1));
        Doc stale = sf.fromTransaction(em -> em.find(Doc.class, changedId));
        assertThat(stale.title).isEqualTo("changed by someone else");
        assertThat(stale.version).isEqualTo(1);
        Doc other = sf.fromTransaction(em -> em.find(Doc.class, docs.get(8).id));
        assertThat(other.title).isEqualTo("imported");
        assertThat(other.version).isEqualTo(1);
        assertThat(db.sql().queryValue("select count(*) from doc where version = 1", Long.class))
                .isEqualTo(300);
    }

    @Test
    void aFeedWithoutVersionsUpdatesOnEveryImportAndAStaleVersionStillLosesNothing(
            PgTestDatabase db) {
        for (int day = 1; day <= 3; day++) {
            int today = day;
            // a feed's entities are built anew each day: no id (the code is the key), no version
            List<Doc> feed =
                    IntStream.range(0, 250)
                            .mapToObj(
                                    i -> {
                                        Doc d = doc(i);
                                        d.title = "day " + today;
                                        return d;
                                    })
                            .toList();
            PgBulkResult r =
                    sf.fromTransaction(em -> PgBulk.upsert(em, feed, PgConflict.onColumns("code")));
            assertThat(r)
                    .isEqualTo(
                            day == 1 ? new PgBulkResult(250, 0, 0) : new PgBulkResult(0, 250, 0));
            assertThat(feed).allSatisfy(d -> assertThat(d.version).isNull());
        }
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from doc where title = 'day 3' and"
                                                + " version = 2",
                                        Long.class))
                .isEqualTo(250);

        // an entity that carries a version is still compared: version 1 is stale now
        Doc stale = doc(3);
        stale.title = "from a stale read";
        stale.version = 1;
        Doc current = doc(4);
        current.title = "from a current read";
        current.version = 2;
        PgBulkResult r =
                sf.fromTransaction(
                        em ->
                                PgBulk.upsert(
                                        em, List.of(stale, current), PgConflict.onColumns("code")));
        assertThat(r).isEqualTo(new PgBulkResult(0, 1, 1));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(title || ':' || version, ',' order by"
                                                + " code) from doc where code in ('doc-3',"
                                                + " 'doc-4')",
                                        String.class))
                .isEqualTo("day 3:2,from a current read:3");
    }

    @Test
    void aKeyGivenWithAndWithoutAVersionIsRefusedAndNothingIsWritten(PgTestDatabase db) {
        sf.inTransaction(em -> PgBulk.insert(em, List.of(doc(1), doc(2))));
        Doc read = doc(1);
        read.title = "read";
        read.version = 0;
        Doc fresh = doc(1);
        fresh.title = "fresh";
        Doc other = doc(3);
        PgBulkResult r =
                sf.fromTransaction(
                        em -> {
                            assertThatThrownBy(
                                            () ->
                                                    PgBulk.upsert(
                                                            em,
                                                            List.of(read, other, fresh),
                                                            PgConflict.onColumns("code")))
                                    .isInstanceOf(PgBulkException.class)
                                    .hasMessageContaining("same conflict key (code) = (doc-1)")
                                    .hasMessageContaining("nothing was written");
                            // the same through the unique constraint's name: its columns
                            String unique =
                                    db.sql()
                                            .queryValue(
                                                    "select conname from pg_constraint where"
                                                            + " conrelid = 'doc'::regclass and"
                                                            + " contype = 'u'",
                                                    String.class);
                            assertThatThrownBy(
                                            () ->
                                                    PgBulk.upsert(
                                                            em,
                                                            List.of(read, other, fresh),
                                                            PgConflict.onConstraint(unique)))
                                    .isInstanceOf(PgBulkException.class)
                                    .hasMessageContaining("same conflict key (code) = (doc-1)");
                            // the transaction goes on, and nothing of the call was written
                            assertThat(
                                            em.createQuery("select count(*) from Doc", Long.class)
                                                    .getSingleResult())
                                    .isEqualTo(2);
                            return PgBulk.upsert(
                                    em, List.of(read, other), PgConflict.onColumns("code"));
                        });
        assertThat(r).isEqualTo(new PgBulkResult(1, 1, 0));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select string_agg(code || ':' || title || ':' || version,"
                                                + " ',' order by code) from doc",
                                        String.class))
                .isEqualTo("doc-1:read:1,doc-2:title 2:0,doc-3:title 3:0");
    }

    @Test
    void identityIdsAreDrawnForNewRowsOnly() {
        List<Counter> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Counter c = new Counter();
            c.name = "first " + i;
            first.add(c);
        }
        sf.inTransaction(em -> PgBulk.insert(em, first));
        List<Counter> feed = new ArrayList<>();
        Counter renamed = first.get(2);
        renamed.name = "renamed";
        feed.add(renamed);
        for (int i = 0; i < 300; i++) {
            Counter c = new Counter();
            c.name = "new " + i;
            feed.add(c);
        }
        long kept = renamed.id;
        PgBulkResult r = sf.fromTransaction(em -> PgBulk.upsert(em, feed, PgConflict.onId()));
        assertThat(r).isEqualTo(new PgBulkResult(300, 1, 0));
        assertThat(renamed.id).isEqualTo(kept);
        assertThat(feed).extracting(c -> c.id).doesNotHaveDuplicates().doesNotContainNull();
        String name = sf.fromTransaction(em -> em.find(Counter.class, kept).name);
        assertThat(name).isEqualTo("renamed");
        // a later persist does not collide with the ids drawn
        sf.inTransaction(
                em -> {
                    Counter c = new Counter();
                    c.name = "persisted";
                    em.persist(c);
                });
    }

    @Test
    void fewRowsAndRollback(PgTestDatabase db) {
        try (var s = sf.openSession()) {
            s.beginTransaction();
            PgBulkResult r = PgBulk.upsert(s, items(0, 10).stream(), PgConflict.onId());
            assertThat(r.inserted()).isEqualTo(10);
            s.getTransaction().rollback();
        }
        assertThat(db.sql().queryValue("select count(*) from item", Long.class)).isZero();
        // two upserts in one transaction: each has its own temporary table
        PgBulkResult second =
                sf.fromTransaction(
                        em -> {
                            PgBulk.upsert(em, items(0, 300), PgConflict.onColumns("code"));
                            return PgBulk.upsert(em, items(0, 300), PgConflict.onColumns("code"));
                        });
        assertThat(second).isEqualTo(new PgBulkResult(0, 300, 0));
    }

    @Test
    void badRowsNameTheirPositionAndNothingRemains(PgTestDatabase db) {
        List<Item> nul = items(0, 300);
        nul.get(42).text = "bad\0text";
        PgBulkException e = failing(nul, PgConflict.onId());
        assertThat(e.row()).isEqualTo(42);
        assertThat(e.column()).isEqualTo("text");

        List<Item> twice = items(0, 300);
        twice.get(250).code = "code-3";
        PgBulkException duplicate = failing(twice, PgConflict.onColumns("code"));
        assertThat(duplicate.getMessage()).contains("same conflict key");

        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgBulk.upsert(
                                                        em,
                                                        items(0, 3),
                                                        PgConflict.onColumns("nope"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining(Item.class.getName());

        List<Object> mixed = new ArrayList<>(items(0, 300));
        mixed.set(260, new Counter());
        assertThatThrownBy(
                        () -> sf.inTransaction(em -> PgBulk.upsert(em, mixed, PgConflict.onId())))
                .isInstanceOf(PgBulkException.class)
                .hasMessageContaining("row 260")
                .hasMessageContaining("PgBulk.upsert takes entities of one class");

        assertThat(db.sql().queryValue("select count(*) from item", Long.class)).isZero();
        // the connection is usable afterwards
        PgBulkResult after =
                sf.fromTransaction(em -> PgBulk.upsert(em, items(0, 300), PgConflict.onId()));
        assertThat(after.inserted()).isEqualTo(300);
    }

    private PgBulkException failing(List<Item> items, PgConflict conflict) {
        try (var s = sf.openSession()) {
            s.beginTransaction();
            try {
                PgBulk.upsert(s, items, conflict);
                throw new AssertionError("the upsert should have failed");
            } catch (PgBulkException e) {
                return e;
            } finally {
                s.getTransaction().rollback();
            }
        }
    }
}
