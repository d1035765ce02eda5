package dev.pgorm.demo;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.ddl.procedure.PgProcedures;
import java.util.List;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * PgBulk with an IDENTITY id (the ids come from the column's own sequence and are set), a domain
 * that rejects an empty tip, and a procedure called with an INOUT argument.
 */
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
        try {
            sf.inTransaction(
                    em -> {
                        em.persist(new Tip(1, ""));
                        em.flush();
                    });
        } catch (ConstraintViolationException e) {
            System.out.printf(
                    "  an empty tip is rejected by the domain tip_text (%s)%n",
                    e.getConstraintName());
        }
        Object[] out = sf.fromTransaction(em -> PgProcedures.call(em, "prune_tips", 1L, 10, null));
        System.out.printf(
                "  CALL prune_tips(1, 10, null) removed %s old tips of place 1%n", out[0]);
    }
}
