package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.generator.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Update-time values in {@code PgBulk.update} and in the update branch of {@code PgBulk.upsert}, as
 * Hibernate's own update generates them: {@code @UpdateTimestamp} (in memory: set on the entity and
 * in the row), {@code @CurrentTimestamp} from the database ({@code current_timestamp} in the
 * statement), {@code @CreationTimestamp} kept, {@code @Version} incremented.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkUpdateTimestampIT {

    // tag::timestamps[]
    @Entity(name = "Ticket")
    @Table(name = "ticket")
    public static class Ticket {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        String title;

        @CreationTimestamp Instant created; // kept by update and by upsert's update

        @UpdateTimestamp Instant updated; // generated in memory: on the entity and in the row

        @CurrentTimestamp(event = EventType.UPDATE, source = SourceType.VM)
        Instant edited; // the same, on update only

        @Version Integer version; // checked and incremented
    }

    // end::timestamps[]

    @Entity(name = "DbTicket")
    @Table(name = "db_ticket")
    public static class DbTicket {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        String title;

        @CurrentTimestamp Instant touched; // insert and update, from the database

        @CurrentTimestamp(event = EventType.UPDATE)
        Instant changed; // update only, from the database
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Ticket.class, DbTicket.class);
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        db.execute("delete from ticket", "delete from db_ticket");
    }

    private static List<Ticket> tickets(int n) {
        List<Ticket> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ticket t = new Ticket();
            t.title = "ticket " + i;
            rows.add(t);
        }
        return rows;
    }

    private Ticket find(long id) {
        return sf.fromTransaction(em -> em.find(Ticket.class, id));
    }

    /** What the row holds, to the microsecond PostgreSQL keeps. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void updateGeneratesUpdateTimestampsAsHibernatesUpdateDoes(PgTestDatabase db) throws Exception {
        // many (COPY into the temporary table) and few (INSERTs into it)
        for (int n : List.of(300, 3)) {
            List<Ticket> rows = tickets(n);
            sf.inTransaction(em -> PgBulk.insert(em, rows));
            Ticket reference = tickets(1).get(0);
            sf.inTransaction(em -> em.persist(reference));
            List<Instant> created = rows.stream().map(t -> t.created).toList();
            assertThat(rows).allSatisfy(t -> assertThat(t.edited).isNull()); // not on insert
            Thread.sleep(5);
            Instant before = Instant.now();

            rows.forEach(t -> t.title = "changed");
            long updated = sf.fromTransaction(em -> PgBulk.update(em, rows));
            // Hibernate's own update of the reference, for comparison
            sf.inTransaction(em -> em.find(Ticket.class, reference.id).title = "changed");

            assertThat(updated).isEqualTo(n);
            Ticket hibernate = find(reference.id);
            assertThat(hibernate.updated).isAfterOrEqualTo(micros(before));
            assertThat(hibernate.created).isEqualTo(micros(reference.created));
            assertThat(hibernate.version).isEqualTo(1);
            assertThat(hibernate.edited).isAfterOrEqualTo(micros(before));
            for (int i = 0; i < n; i += 37) {
                Ticket entity = rows.get(i);
                Ticket row = find(entity.id);
                assertThat(entity.updated).isAfterOrEqualTo(before); // set on the entity
                assertThat(row.updated).isEqualTo(micros(entity.updated)); // and in the row
                assertThat(entity.edited).isAfterOrEqualTo(before);
                assertThat(row.edited).isEqualTo(micros(entity.edited));
                assertThat(row.created).isEqualTo(micros(created.get(i))).isBefore(row.updated);
                assertThat(row.title).isEqualTo("changed");
                assertThat(row.version).isEqualTo(1).isEqualTo(entity.version);
            }
            empty(db);
        }
    }

    @Test
    void upsertsUpdateBranchKeepsCreationAndStampsTheUpdate() throws Exception {
        List<Ticket> existing = tickets(150);
        sf.inTransaction(em -> PgBulk.insert(em, existing));
        Thread.sleep(5);
        Instant before = Instant.now();
        // a feed: new objects for the existing rows (no creation time known), and new rows
        List<Ticket> feed = tickets(300);
        for (int i = 0; i < 150; i++) {
            feed.get(i).id = existing.get(i).id;
            feed.get(i).version = existing.get(i).version;
        }
        PgBulkResult r = sf.fromTransaction(em -> PgBulk.upsert(em, feed, PgConflict.onId()));
        assertThat(r).isEqualTo(new PgBulkResult(150, 150, 0));
        for (int i = 0; i < 150; i += 29) {
            Ticket row = find(existing.get(i).id);
            assertThat(row.created).isEqualTo(micros(existing.get(i).created)).isBefore(before);
            assertThat(row.updated).isAfterOrEqualTo(micros(before));
            assertThat(row.version).isEqualTo(1);
            Ticket inserted = find(feed.get(150 + i).id);
            assertThat(inserted.created).isAfterOrEqualTo(micros(before));
            assertThat(inserted.updated).isAfterOrEqualTo(micros(before));
            assertThat(inserted.version).isZero();
        }
    }

    private static List<DbTicket> dbTickets(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(
                        i -> {
                            DbTicket t = new DbTicket();
                            t.title = "db " + i;
                            return t;
                        })
                .toList();
    }

    @Test
    void databaseTimestampsAreWrittenWithTheirSqlOnUpdate(PgTestDatabase db) throws Exception {
        List<DbTicket> rows = dbTickets(0, 300);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        Thread.sleep(5);
        List<DbTicket> firstHalf = rows.subList(0, 150);
        firstHalf.forEach(t -> t.title = "changed");
        long updated = sf.fromTransaction(em -> PgBulk.update(em, firstHalf));
        assertThat(updated).isEqualTo(150);
        // the updated rows hold the update transaction's current_timestamp in both columns,
        // later than the insert's; the others keep the insert's and no update stamp
        Map<String, Object> stamps =
                db.sql()
                        .query(
                                """
                                select count(*) filter (where title = 'changed'
                                         and changed = touched) as stamped,
                                       count(*) filter (where title <> 'changed'
                                         and changed is null) as unchanged,
                                       min(touched) filter (where title = 'changed')
                                         > max(touched) filter (where title <> 'changed')
                                         as later,
                                       count(distinct touched) as stamps
                                  from db_ticket""")
                        .get(0);
        assertThat(stamps)
                .containsEntry("stamped", 150L)
                .containsEntry("unchanged", 150L)
                .containsEntry("later", true)
                .containsEntry("stamps", 2L);

        // upsert: the update branch stamps with SQL; new rows get no update stamp
        List<DbTicket> feed = new ArrayList<>(dbTickets(300, 450));
        for (int i = 150; i < 300; i++) {
            DbTicket t = new DbTicket();
            t.id = rows.get(i).id;
            t.title = "upserted";
            feed.add(t);
        }
        PgBulkResult r = sf.fromTransaction(em -> PgBulk.upsert(em, feed, PgConflict.onId()));
        assertThat(r).isEqualTo(new PgBulkResult(150, 150, 0));
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from db_ticket where title = 'upserted'"
                                                + " and changed = touched",
                                        Long.class))
                .isEqualTo(150);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from db_ticket where title like 'db %'"
                                                + " and changed is null",
                                        Long.class))
                .isEqualTo(150);
    }
}
