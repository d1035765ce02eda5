package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proof that export and stream hold no rows: a million rows, made by the server, go
 * through {@code PgBulk.export} and {@code PgBulk.stream} while the live heap (measured after a
 * full GC, sampled along the way) stays within a tenth of what holding them would take.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkExportMemoryIT {

    @Entity(name = "Reading")
    @Table(name = "reading")
    public static class Reading {
        @Id Long id;

        String sensor;

        double value;

        LocalDateTime taken;
    }

    private static final int ROWS = 1_000_000;

    /** Heap samples per run: each is a full GC, so a few only. */
    private static final int SAMPLES = 10;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Reading.class);
        // made by the server, so that the test's heap never held the rows
        db.execute(
                """
                insert into reading (id, sensor, value, taken)
                select g, 'sensor-' || (g % 100), g * 0.5,
                       timestamp '2026-01-01' + g * interval '1 second'
                  from generate_series(1, 1000000) g""",
                "analyze reading");
    }

    /** The live heap after a full collection: what is still referenced, not garbage. */
    private static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Counts the bytes written and drops them; samples the live heap as the rows pass. */
    private static final class CountingSink extends OutputStream {
        private final long sampleEvery;
        long bytes;
        long peak;
        private long nextSample;

        CountingSink(long sampleEvery) {
            this.sampleEvery = sampleEvery;
            this.nextSample = sampleEvery;
        }

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count(len);
        }

        private void count(int len) {
            bytes += len;
            if (bytes >= nextSample) {
                nextSample += sampleEvery;
                peak = Math.max(peak, liveHeap());
            }
        }
    }

    @Test
    void aMillionRowsAreExportedWithFlatMemory() {
        // about 48 bytes a CSV row: sampled about SAMPLES times over the run
        CountingSink sink = new CountingSink(48L * ROWS / SAMPLES);
        long before = liveHeap();
        long rows =
                sf.fromTransaction(
                        em ->
                                PgBulk.export(
                                        em,
                                        "select r.id, r.sensor, r.value, r.taken from Reading r",
                                        sink,
                                        PgCopyFormat.CSV));
        long growth = Math.max(sink.peak, liveHeap()) - before;
        assertThat(rows).isEqualTo(ROWS);
        // Holding the rows would hold at least their bytes (pgjdbc hands each row over as a byte
        // array of its length), so a tenth of them is a bound a retaining export cannot meet.
        long bound = sink.bytes / 10;
        System.out.printf(
                "export of %,d rows: %,d bytes, live heap growth %,d bytes (bound %,d)%n",
                rows, sink.bytes, growth, bound);
        assertThat(sink.bytes).isGreaterThan(30L * ROWS);
        assertThat(growth)
                .as(
                        "live heap growth while exporting %,d rows (%,d bytes written); bound %,d"
                                + " (a tenth of the bytes)",
                        rows, sink.bytes, bound)
                .isLessThan(bound);
    }

    @Test
    void aMillionEntitiesAreStreamedWithFlatMemory() {
        // What holding entities costs, measured on 20,000 of them and scaled to the million: the
        // bound below is a tenth of that, so a stream that kept its entities could not meet it.
        long perEntity = retainedPerEntity(20_000);
        long bound = perEntity * ROWS / 10;
        long before = liveHeap();
        long[] counted = {0};
        long[] peak = {0};
        long[] sum = {0};
        sf.inTransaction(
                em -> {
                    try (Stream<Reading> stream =
                            PgBulk.stream(em, Reading.class, "from Reading r")) {
                        stream.forEach(
                                r -> {
                                    sum[0] += r.id;
                                    if (++counted[0] % (ROWS / SAMPLES) == 0) {
                                        peak[0] = Math.max(peak[0], liveHeap());
                                    }
                                });
                    }
                });
        long growth = Math.max(peak[0], liveHeap()) - before;
        System.out.printf(
                "stream of %,d entities: %,d bytes each when held, live heap growth %,d bytes"
                        + " (bound %,d)%n",
                counted[0], perEntity, growth, bound);
        assertThat(counted[0]).isEqualTo(ROWS);
        assertThat(sum[0]).isEqualTo((long) ROWS * (ROWS + 1) / 2);
        assertThat(growth)
                .as(
                        "live heap growth while streaming %,d entities; holding them would take"
                                + " about %,d bytes each; bound %,d (a tenth of holding all)",
                        counted[0], perEntity, bound)
                .isLessThan(bound);
    }

    /** The live heap each entity takes when the streamed entities are kept in a list. */
    private long retainedPerEntity(int n) {
        return sf.fromTransaction(
                em -> {
                    long before = liveHeap();
                    List<Reading> kept = new ArrayList<>();
                    try (Stream<Reading> stream =
                            PgBulk.stream(em, Reading.class, "from Reading r where r.id <= " + n)) {
                        stream.forEach(kept::add);
                    }
                    long held = liveHeap() - before;
                    assertThat(kept).hasSize(n);
                    assertThat(held).as("heap held by %,d entities", n).isPositive();
                    return held / kept.size();
                });
    }
}
