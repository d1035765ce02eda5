package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.procedure.PgProcedure;
import dev.pgorm.ddl.procedure.PgProcedures;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ParameterMode;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Procedures declared with {@code @PgProcedure}: in the catalog as procedures, called with {@code
 * PgProcedures.call} and JPA's {@code StoredProcedureQuery} (IN and INOUT arguments), committing
 * inside when called outside a transaction, and replaced by {@code update} when their body changes.
 */
@PgTest
class ProcedureIT {

    // tag::procedure[]
    @Entity(name = "Invoice")
    @Table(name = "invoice")
    @PgProcedure(
            name = "archive_invoices",
            arguments = "cutoff date, inout moved integer",
            body =
                    """
                    begin
                      update invoice set archived = true where issued < cutoff and not archived;
                      get diagnostics moved = row_count;
                    end""")
    @PgProcedure(
            name = "archive_invoices_in_batches",
            arguments = "cutoff date",
            body =
                    """
                    declare r record;
                    begin
                      for r in select id from invoice where issued < cutoff and not archived loop
                        update invoice set archived = true where id = r.id;
                        commit; -- one transaction per row: needs a CALL outside a transaction
                      end loop;
                    end""")
    static class Invoice {
        @Id Long id;
        LocalDate issued;
        boolean archived;
    }

    // end::procedure[]

    /** The next version: archiving counts twice (a changed body). */
    @Entity(name = "Invoice")
    @Table(name = "invoice")
    @PgProcedure(
            name = "archive_invoices",
            arguments = "cutoff date, inout moved integer",
            body =
                    """
                    begin
                      update invoice set archived = true where issued < cutoff and not archived;
                      get diagnostics moved = row_count;
                      moved := moved * 2;
                    end""")
    static class InvoiceV2 {
        @Id Long id;
        LocalDate issued;
        boolean archived;
    }

    private SessionFactory sf;

    @BeforeEach
    void create(PgTestDatabase db) {
        db.resetSchema();
        sf = db.entityManagerFactory(Invoice.class);
        sf.inTransaction(
                s -> {
                    s.persist(invoice(1L, "2025-03-01"));
                    s.persist(invoice(2L, "2025-11-15"));
                    s.persist(invoice(3L, "2026-02-01"));
                });
    }

    @AfterEach
    void close(PgTestDatabase db) {
        if (sf != null) {
            db.close(sf);
            sf = null;
        }
    }

    private static Invoice invoice(long id, String issued) {
        Invoice i = new Invoice();
        i.id = id;
        i.issued = LocalDate.parse(issued);
        return i;
    }

    private static long archived(PgTestDatabase db) {
        return db.sql().queryValue("select count(*) from invoice where archived", Long.class);
    }

    @Test
    void proceduresAreInTheCatalog(PgTestDatabase db) {
        assertThat(
                        db.sql()
                                .queryValue(
                                        """
                                        select string_agg(proname || ':' || prokind::text || ':'
                                                          || pg_get_function_identity_arguments(oid), ' '
                                                          order by proname)
                                        from pg_proc where pronamespace = current_schema()::regnamespace
                                        """,
                                        String.class))
                .isEqualTo(
                        "archive_invoices:p:IN cutoff date, INOUT moved integer"
                                + " archive_invoices_in_batches:p:IN cutoff date");
    }

    @Test
    void callBindsInArgumentsAndReturnsInoutValuesInTheCurrentTransaction(PgTestDatabase db) {
        // tag::procedure-call[]
        Object[] out =
                sf.fromTransaction(
                        s -> {
                            s.persist(invoice(4L, "2025-12-31")); // flushed before the CALL
                            return PgProcedures.call(
                                    s, "archive_invoices", LocalDate.of(2026, 1, 1), null);
                        });
        // end::procedure-call[]
        assertThat(out).containsExactly(3);
        assertThat(archived(db)).isEqualTo(3L);
        sf.inTransaction(
                s -> {
                    Object[] none =
                            PgProcedures.call(s, "archive_invoices", LocalDate.of(2026, 1, 1), 0);
                    assertThat(none).containsExactly(0);
                    s.getTransaction().setRollbackOnly();
                });
    }

    @Test
    void aCallIsRolledBackWithItsTransaction(PgTestDatabase db) {
        sf.inTransaction(
                s -> {
                    PgProcedures.call(s, "archive_invoices", LocalDate.of(2027, 1, 1), null);
                    s.getTransaction().setRollbackOnly();
                });
        assertThat(archived(db)).isZero();
    }

    @Test
    void storedProcedureQueryCallsItToo(PgTestDatabase db) {
        // tag::procedure-jpa[]
        Integer moved =
                sf.fromTransaction(
                        s -> {
                            StoredProcedureQuery call =
                                    s.createStoredProcedureQuery("archive_invoices")
                                            .registerStoredProcedureParameter(
                                                    1, LocalDate.class, ParameterMode.IN)
                                            .registerStoredProcedureParameter(
                                                    2, Integer.class, ParameterMode.INOUT)
                                            .setParameter(1, LocalDate.of(2026, 1, 1))
                                            .setParameter(2, 0);
                            call.execute();
                            return (Integer) call.getOutputParameterValue(2);
                        });
        // end::procedure-jpa[]
        assertThat(moved).isEqualTo(2);
        assertThat(archived(db)).isEqualTo(2L);
    }

    @Test
    void aProcedureCommitsInsideWhenCalledOutsideATransaction(PgTestDatabase db) {
        // tag::procedure-commit[]
        try (Session s = sf.openSession()) { // no transaction: the connection is in auto-commit
            PgProcedures.call(s, "archive_invoices_in_batches", LocalDate.of(2026, 1, 1));
        }
        // end::procedure-commit[]
        assertThat(archived(db)).isEqualTo(2L);
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        s ->
                                                PgProcedures.call(
                                                        s,
                                                        "archive_invoices_in_batches",
                                                        LocalDate.of(2027, 1, 1))))
                .isInstanceOf(JDBCException.class)
                .hasMessageContaining("invalid transaction termination")
                .satisfies(e -> assertThat(((JDBCException) e).getSQLState()).isEqualTo("2D000"));
        assertThat(archived(db)).isEqualTo(2L);
    }

    @Test
    void aBadNameFailsBeforeReachingTheServer() {
        try (Session s = sf.openSession()) {
            assertThatThrownBy(() -> PgProcedures.call(s, "a.b.c"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("name or schema.name");
            assertThatThrownBy(() -> PgProcedures.call(s, "x\0y"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void updateReplacesAChangedBody(PgTestDatabase db) {
        assertThatThrownBy(() -> db.schemaAction("validate", InvoiceV2.class))
                .hasStackTraceContaining("procedure archive_invoices");
        db.schemaAction("update", InvoiceV2.class);
        db.schemaAction("update", InvoiceV2.class);
        db.schemaAction("validate", InvoiceV2.class);
        Object[] out =
                sf.fromTransaction(
                        s ->
                                PgProcedures.call(
                                        s, "archive_invoices", LocalDate.of(2026, 1, 1), null));
        assertThat(out).containsExactly(4);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_proc where proname = 'archive_invoices'",
                                        Long.class))
                .isEqualTo(1L);
    }
}
