package dev.pgorm.demo;

import dev.pgorm.bulk.PgBulk;
import java.util.List;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;

/** PgBulk with an IDENTITY id: the ids come from the column's own sequence and are set. */
final class TipDemo {

    private TipDemo() {}

    static void run(SessionFactory sf) {
        DemoConsole.section("Tips (PgBulk.insert into a table with an IDENTITY id)");
        List<Tip> tips =
                LongStream.rangeClosed(1, 300)
                        .mapToObj(i -> new Tip(1 + i % 5, "tip " + i))
                        .toList();
        long loaded = sf.fromTransaction(em -> PgBulk.insert(em, tips));
        Tip persisted = new Tip(1, "one more, by persist");
        sf.inTransaction(em -> em.persist(persisted));
        System.out.printf(
                "  loaded %d tips, ids %d..%d set on the entities; persist then got id %d%n",
                loaded, tips.get(0).id, tips.get(tips.size() - 1).id, persisted.id);
    }
}
