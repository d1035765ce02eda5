package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PgBulk.stream and the caller's persistence context: entities the caller manages stay managed,
 * what the stream loads (eager associations too) never accumulates, and null elements pass.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkStreamContextIT {

    @Entity(name = "Cust")
    @Table(name = "cust")
    public static class Cust {
        @Id Long id;
        String name;
    }

    @Entity(name = "Ord")
    @Table(name = "ord")
    public static class Ord {
        @Id Long id;
        String note;

        @ManyToOne(fetch = FetchType.EAGER)
        Cust cust;
    }

    private static final int ROWS = 3_000;

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Cust.class, Ord.class);
    }

    @BeforeEach
    void rows(PgTestDatabase db) {
        // every order its own customer, except each tenth, which has none
        db.execute(
                "delete from ord",
                "delete from cust",
                "insert into cust (id, name) select g, 'cust-' || g from generate_series(1, 3000) g",
                """
                insert into ord (id, note, cust_id)
                select g, 'note-' || g, case when g % 10 = 0 then null else g end
                  from generate_series(1, 3000) g""");
    }

    private static int managed(Object session) {
        return ((SharedSessionContractImplementor) session)
                .getPersistenceContext()
                .getNumberOfManagedEntities();
    }

    @Test
    void anEntityTheCallerManagesStaysManagedAndItsChangeIsWritten() {
        sf.inTransaction(
                s -> {
                    Ord o = s.find(Ord.class, 1L);
                    Ord added = new Ord();
                    added.id = 9999L;
                    added.note = "added";
                    s.persist(added);
                    int before = managed(s);
                    long seen;
                    try (Stream<Ord> all = PgBulk.stream(s, Ord.class, "from Ord o")) {
                        assertThat(all.count())
                                .as("the stream reads in the caller's transaction")
                                .isEqualTo(ROWS + 1);
                    }
                    try (Stream<Ord> stream = PgBulk.stream(s, Ord.class, "from Ord o")) {
                        seen =
                                stream.filter(it -> it.id == 1L)
                                        .peek(it -> assertThat(it.note).isEqualTo("note-1"))
                                        .count();
                    }
                    assertThat(seen).isEqualTo(1);
                    assertThat(s.contains(o)).isTrue();
                    assertThat(s.contains(o.cust)).as("not detached by cascade").isTrue();
                    assertThat(managed(s)).isEqualTo(before);
                    o.note = "changed";
                });
        sf.inTransaction(s -> assertThat(s.find(Ord.class, 1L).note).isEqualTo("changed"));
    }

    @Test
    void eagerAssociationsLoadedByTheStreamDoNotAccumulate() {
        sf.inTransaction(
                s -> {
                    int[] most = {0};
                    long[] named = {0};
                    // the first rows' entities and their customers, watched: nothing of the
                    // stream's may keep them once it has moved on
                    List<WeakReference<Object>> early = new ArrayList<>();
                    long[] stillHeld = {-1};
                    try (Stream<Ord> stream =
                            PgBulk.stream(s, Ord.class, "from Ord o order by o.id")) {
                        stream.forEach(
                                o -> {
                                    assertThat(s.contains(o)).isFalse();
                                    if (o.cust != null) {
                                        assertThat(o.cust.name).isEqualTo("cust-" + o.id);
                                        named[0]++;
                                    }
                                    most[0] = Math.max(most[0], managed(s));
                                    if (o.id <= 100) {
                                        early.add(new WeakReference<>(o));
                                        early.add(new WeakReference<>(o.cust));
                                    }
                                    if (o.id == ROWS) {
                                        System.gc();
                                        stillHeld[0] =
                                                early.stream().filter(r -> r.get() != null).count();
                                    }
                                });
                    }
                    assertThat(stillHeld[0])
                            .as("entities of the first rows still held at the last row")
                            .isLessThanOrEqualTo(2);
                    assertThat(named[0]).isEqualTo(ROWS - ROWS / 10);
                    assertThat(most[0]).as("entities in the caller's persistence context").isZero();
                    assertThat(
                                    s.createSelectionQuery("select count(*) from Ord", Long.class)
                                            .getSingleResult())
                            .isEqualTo(ROWS);
                });
    }

    @Test
    void nullElementsArePassedThrough() {
        sf.inTransaction(
                s -> {
                    List<Cust> read = new ArrayList<>();
                    try (Stream<Cust> stream =
                            PgBulk.stream(
                                    s,
                                    Cust.class,
                                    "select c from Ord o left join o.cust c where o.id <= 20"
                                            + " order by o.id")) {
                        stream.forEach(read::add);
                    }
                    assertThat(read).hasSize(20);
                    assertThat(read.get(9)).isNull();
                    assertThat(read.get(19)).isNull();
                    assertThat(read.get(0).name).isEqualTo("cust-1");
                    assertThat(read.get(18).name).isEqualTo("cust-19");
                    assertThat(managed(s)).isZero();
                });
    }
}
