package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.it.bulk.BulkInsertIT.Counter;
import dev.pgorm.it.bulk.BulkInsertIT.Item;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Export through COPY TO STDOUT of the SQL Hibernate generates, and streams through a cursor. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkExportStreamIT {

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.hasExtensions("vector", "postgis")) {
            return; // no fixture: each test then skips, by name, in empty()
        }
        sf = db.entityManagerFactory(Item.class, Counter.class);
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        // pgvector and PostGIS columns in the fixture: each test skips where the server lacks them.
        db.requireExtension("vector");
        db.requireExtension("postgis");
        db.execute("delete from item", "delete from counter");
    }

    private List<Item> insertItems(int n) {
        List<Item> items = IntStream.range(0, n).mapToObj(BulkInsertIT::item).toList();
        sf.inTransaction(em -> PgBulk.insert(em, items));
        return items;
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void anHqlSelectionIsExportedAsCsv() {
        List<Item> items = insertItems(300);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // tag::export[]
        long rows =
                sf.fromTransaction(
                        em ->
                                PgBulk.export(
                                        em,
                                        "select i.id, i.code, i.quantity from Item i"
                                                + " where i.quantity < 10 order by i.quantity",
                                        out,
                                        PgCopyFormat.CSV));
        // end::export[]
        assertThat(rows).isEqualTo(10);
        List<String> lines = lines(out);
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("id,code,quantity");
        assertThat(lines.get(1)).isEqualTo(items.get(0).id + ",code-0,0");
        assertThat(lines.get(10)).isEqualTo(items.get(9).id + ",code-9,9");
    }

    @Test
    void anEntityTableIsExportedAsTextOrBinary() {
        List<Counter> counters =
                IntStream.range(0, 1000)
                        .mapToObj(
                                i -> {
                                    Counter c = new Counter();
                                    c.name = "tab\there " + i;
                                    return c;
                                })
                        .toList();
        sf.inTransaction(em -> PgBulk.insert(em, counters));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long rows =
                sf.fromTransaction(em -> PgBulk.export(em, Counter.class, text, PgCopyFormat.TEXT));
        assertThat(rows).isEqualTo(1000);
        assertThat(lines(text))
                .containsExactlyInAnyOrderElementsOf(
                        counters.stream()
                                .map(c -> c.id + "\t" + c.name.replace("\t", "\\t"))
                                .toList());

        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        long binaryRows =
                sf.fromTransaction(
                        em -> PgBulk.export(em, Counter.class, binary, PgCopyFormat.BINARY));
        assertThat(binaryRows).isEqualTo(1000);
        byte[] signature = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Arrays.copyOf(binary.toByteArray(), signature.length)).isEqualTo(signature);
    }

    @Test
    void rowsAreExportedToAWriterAsTextButNotAsBinary() {
        List<Counter> counters =
                IntStream.range(0, 500)
                        .mapToObj(
                                i -> {
                                    Counter c = new Counter();
                                    c.name = "zürich, \"quoted\" " + i;
                                    return c;
                                })
                        .toList();
        sf.inTransaction(em -> PgBulk.insert(em, counters));
        // tag::export-writer[]
        StringWriter csv = new StringWriter();
        long rows =
                sf.fromTransaction(
                        em ->
                                PgBulk.export(
                                        em,
                                        "select c.id, c.name from Counter c order by c.id",
                                        csv,
                                        PgCopyFormat.CSV));
        // end::export-writer[]
        assertThat(rows).isEqualTo(500);
        List<String> lines = Arrays.asList(csv.toString().split("\n"));
        assertThat(lines).hasSize(501);
        assertThat(lines.get(0)).isEqualTo("id,name");
        Counter first = counters.get(0);
        assertThat(lines.get(1)).isEqualTo(first.id + ",\"zürich, \"\"quoted\"\" 0\"");

        StringWriter text = new StringWriter();
        long all =
                sf.fromTransaction(em -> PgBulk.export(em, Counter.class, text, PgCopyFormat.TEXT));
        assertThat(all).isEqualTo(500);
        assertThat(text.toString().split("\n"))
                .containsExactlyInAnyOrderElementsOf(
                        counters.stream().map(c -> c.id + "\t" + c.name).toList());

        StringWriter binary = new StringWriter();
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em ->
                                                PgBulk.export(
                                                        em,
                                                        Counter.class,
                                                        binary,
                                                        PgCopyFormat.BINARY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("binary format is bytes")
                .hasMessageContaining("OutputStream");
        assertThat(binary.toString()).isEmpty();
    }

    @Test
    void parametersAreRefusedAndTheSessionStaysUsable() {
        insertItems(3);
        sf.inTransaction(
                em -> {
                    assertThatThrownBy(
                                    () ->
                                            PgBulk.export(
                                                    em,
                                                    "from Item i where i.quantity = :q",
                                                    new ByteArrayOutputStream(),
                                                    PgCopyFormat.CSV))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("without parameters");
                    // the same session and transaction go on
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    long n =
                            PgBulk.export(
                                    em,
                                    "select i.quantity from Item i order by i.quantity",
                                    out,
                                    PgCopyFormat.TEXT);
                    assertThat(n).isEqualTo(3);
                    assertThat(lines(out)).containsExactly("0", "1", "2");
                });
    }

    @Test
    void entitiesAreStreamedDetachedThroughACursor() {
        List<Item> items = insertItems(2500);
        sf.inTransaction(
                s -> {
                    // tag::stream[]
                    List<Item> read;
                    try (Stream<Item> stream =
                            PgBulk.stream(s, Item.class, "from Item i order by i.quantity")) {
                        read = stream.peek(it -> assertThat(s.contains(it)).isFalse()).toList();
                    }
                    // end::stream[]
                    assertThat(read)
                            .extracting(it -> it.id)
                            .containsExactlyElementsOf(items.stream().map(it -> it.id).toList());
                    assertThat(read.get(1234).code).isEqualTo("code-1234");
                    assertThat(read.get(1234).price).isEqualByComparingTo(items.get(1234).price);
                    Long count =
                            s.createSelectionQuery("select count(*) from Item", Long.class)
                                    .getSingleResult();
                    assertThat(count).isEqualTo(2500);
                });
        sf.inTransaction(
                s -> {
                    // closed early: the cursor ends, the session goes on. PostgreSQL lists no
                    // portal of the extended protocol in pg_cursors, but it refuses to alter a
                    // table that an open portal of the session still reads ("being used by active
                    // queries in this session").
                    try (Stream<Item> stream =
                            PgBulk.stream(s, Item.class, "from Item i order by i.quantity")) {
                        Iterator<Item> first = stream.iterator(); // AssertJ would close the stream
                        assertThat(List.of(first.next(), first.next(), first.next()))
                                .extracting(it -> it.quantity)
                                .containsExactly(0, 1, 2);
                    }
                    s.createNativeMutationQuery(
                                    "alter table item alter column code set statistics -1")
                            .executeUpdate();
                    Long count =
                            s.createSelectionQuery("select count(*) from Item", Long.class)
                                    .getSingleResult();
                    assertThat(count).isEqualTo(2500);
                });
        assertThatThrownBy(() -> sf.inTransaction(s -> PgBulk.stream(s, String.class, "from Item")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
