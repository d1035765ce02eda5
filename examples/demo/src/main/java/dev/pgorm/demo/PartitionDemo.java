package dev.pgorm.demo;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.ddl.partition.PgPartitionInfo;
import dev.pgorm.ddl.partition.PgPartitions;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;

/** Demo section: monthly partitions made on demand, filled by a COPY bulk insert. */
final class PartitionDemo {

    private PartitionDemo() {}

    static void run(SessionFactory sf) {
        DemoConsole.section("Monthly partitions for visits (PgPartitions.ensureRange)");
        List<String> created =
                sf.fromTransaction(
                        em ->
                                PgPartitions.ensureRange(
                                        em,
                                        Visit.class,
                                        LocalDate.of(2026, 1, 1),
                                        LocalDate.of(2026, 7, 1),
                                        Period.ofMonths(1)));
        System.out.printf("  created %s%n", String.join(", ", created));
        List<Visit> visits = new ArrayList<>();
        long id = 1;
        for (int day = 0; day < 181; day++) {
            LocalDate date = LocalDate.of(2026, 1, 1).plusDays(day);
            for (long place = 1; place <= 5; place++) {
                if ((day + place) % (place + 1) == 0) {
                    visits.add(new Visit(id++, date, place));
                }
            }
        }
        long loaded = sf.fromTransaction(em -> PgBulk.insert(em, visits));
        System.out.printf("  loaded %d visits with PgBulk.insert (COPY)%n", loaded);
        List<PgPartitionInfo> partitions =
                sf.fromTransaction(em -> PgPartitions.list(em, Visit.class));
        for (PgPartitionInfo p : partitions) {
            System.out.printf("  %-18s %-50s %4d rows%n", p.name(), p.bound(), rows(sf, p.name()));
        }
    }

    private static long rows(SessionFactory sf, String partition) {
        String sql =
                """
                select count(*) from "%s"\
                """
                        .formatted(partition.replace("\"", "\"\""));
        return sf.fromTransaction(
                s -> ((Number) s.createNativeQuery(sql, Long.class).getSingleResult()).longValue());
    }
}
