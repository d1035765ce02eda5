package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.trigger.PgFunction;
import dev.pgorm.ddl.trigger.PgTrigger;
import dev.pgorm.ddl.trigger.TouchOnUpdate;
import dev.pgorm.ddl.trigger.TriggerEvent;
import dev.pgorm.ddl.trigger.TriggerLevel;
import dev.pgorm.ddl.trigger.TriggerTiming;
import dev.pgorm.ddl.trigger.Volatility;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.annotations.DynamicUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Functions and triggers declared on entities: in the catalog, and firing. */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriggerIT {

    @Entity(name = "AuditEntry")
    @Table(name = "audit_entry")
    static class AuditEntry {
        @Id Long id;
        String message;
    }

    // tag::trigger[]
    @Entity(name = "Invoice")
    @Table(name = "invoice")
    @PgFunction(
            name = "audit_invoice",
            returns = "trigger",
            volatility = Volatility.VOLATILE,
            body =
                    "begin insert into audit_entry (id, message) values"
                            + " (nextval('audit_seq'), tg_op || ' ' || new.id || ' ' || tg_argv[0]);"
                            + " return new; end")
    @PgTrigger(
            name = "invoice_audit",
            timing = TriggerTiming.AFTER,
            events = {TriggerEvent.INSERT, TriggerEvent.UPDATE},
            updateOf = "amount",
            forEach = TriggerLevel.ROW,
            function = "audit_invoice",
            arguments = "from-trigger")
    @TouchOnUpdate("updatedAt")
    @DynamicUpdate // UPDATE OF fires when the column is in the SET list, changed or not
    static class Invoice {
        @Id Long id;
        long amount;
        String note;
        OffsetDateTime updatedAt;
    }

    // end::trigger[]

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        db.execute("create sequence audit_seq");
        sf = db.entityManagerFactory(AuditEntry.class, Invoice.class);
    }

    @Test
    void catalogHoldsFunctionsAndTriggers(PgTestDatabase db) {
        List<String> triggers =
                db
                        .sql()
                        .query(
                                "select tgname from pg_trigger where tgrelid = 'invoice'::regclass and not tgisinternal order by 1")
                        .stream()
                        .map(r -> (String) r.get("tgname"))
                        .toList();
        assertThat(triggers).containsExactly("invoice_audit", "invoice_touch_updatedAt");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select pg_get_triggerdef(oid) from pg_trigger where tgname = 'invoice_audit'",
                                        String.class))
                .contains("AFTER INSERT OR UPDATE OF amount ON")
                .contains("FOR EACH ROW EXECUTE FUNCTION audit_invoice('from-trigger')");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_proc where proname in ('audit_invoice', 'pgorm_touch_updatedat')"
                                                + " and pronamespace = current_schema()::regnamespace",
                                        Long.class))
                .isEqualTo(2L);
    }

    @Test
    void triggersFire(PgTestDatabase db) throws Exception {
        sf.inTransaction(
                s -> {
                    Invoice i = new Invoice();
                    i.id = 1L;
                    i.amount = 100;
                    s.persist(i);
                });
        OffsetDateTime before =
                db.sql()
                        .queryValue(
                                "select updatedAt from invoice where id = 1", OffsetDateTime.class);
        assertThat(before).isNull();

        sf.inTransaction(s -> s.find(Invoice.class, 1L).note = "only the note");
        OffsetDateTime touched =
                db.sql()
                        .queryValue(
                                "select updatedAt from invoice where id = 1", OffsetDateTime.class);
        assertThat(touched).isNotNull();

        sf.inTransaction(s -> s.find(Invoice.class, 1L).amount = 250);

        List<String> audit =
                db.sql().query("select message from audit_entry order by id").stream()
                        .map(r -> (String) r.get("message"))
                        .toList();
        // The note-only update does not fire the UPDATE OF amount trigger.
        assertThat(audit).containsExactly("INSERT 1 from-trigger", "UPDATE 1 from-trigger");
    }
}
