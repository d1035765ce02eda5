package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.collation.PgCollation;
import dev.pgorm.ddl.domain.PgDomain;
import dev.pgorm.ddl.domain.PgDomainType;
import dev.pgorm.ddl.procedure.PgProcedure;
import dev.pgorm.ddl.procedure.PgProcedures;
import dev.pgorm.ddl.trigger.PgFunction;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names that {@code @PgDomain}, {@code @PgCollation}, {@code @PgFunction} and {@code @PgProcedure}
 * declare as {@code name} or {@code schema.name}: an empty part, a third part or a stray quote
 * fails at boot naming the annotation, and a schema whose name holds a dot, written in double
 * quotes, works through two updates and {@code validate}.
 */
@PgTest
class QualifiedNamesIT {

    /** A schema of this class's own whose name holds a dot. */
    private static final String DOTTED = "pgorm qualified.names";

    @Entity(name = "Wallet")
    @Table(name = "wallet")
    @PgDomain(name = ".money", type = "numeric(12, 2)")
    static class EmptySchemaPart {
        @Id Long id;

        @PgDomainType(".money")
        BigDecimal balance;
    }

    @Entity(name = "Wallet")
    @Table(name = "wallet")
    @PgCollation(name = "ci.", locale = "und-u-ks-level2", deterministic = false)
    static class TrailingDot {
        @Id Long id;
    }

    @Entity(name = "Wallet")
    @Table(name = "wallet")
    @PgProcedure(name = "a.b.c", body = "begin end")
    static class ThreeParts {
        @Id Long id;
    }

    @Entity(name = "Wallet")
    @Table(name = "wallet")
    @PgFunction(name = "pub\"lic.one", returns = "integer", body = "begin return 1; end")
    static class StrayQuote {
        @Id Long id;
    }

    @Entity(name = "Wallet")
    @Table(name = "wallet")
    @PgDomain(name = "\"" + DOTTED + "\".amount", type = "numeric(12, 2)", check = "value >= 0")
    @PgProcedure(
            name = "\"" + DOTTED + "\".add_to_wallets",
            arguments = "delta numeric",
            body = "begin update wallet set balance = balance + delta; end")
    static class DottedSchema {
        @Id Long id;

        @PgDomainType("\"" + DOTTED + "\".amount")
        BigDecimal balance;
    }

    @BeforeEach
    void reset(PgTestDatabase db) {
        db.resetSchema();
        db.execute("drop schema if exists \"" + DOTTED + "\" cascade");
    }

    @AfterEach
    void dropDotted(PgTestDatabase db) {
        db.execute("drop schema if exists \"" + DOTTED + "\" cascade");
    }

    @Test
    void anEmptySchemaPartFailsAtBootBeforeAnythingIsCreated(PgTestDatabase db) {
        assertThatThrownBy(() -> db.schemaAction("update", EmptySchemaPart.class))
                .hasStackTraceContaining("@PgDomain(name = \".money\")")
                .hasStackTraceContaining("Wallet")
                .hasStackTraceContaining("domain name '.money' has an empty part")
                .hasStackTraceContaining("write name or schema.name");
        assertThat(db.sql().queryValue("select to_regclass('wallet') is null", Boolean.class))
                .isTrue();
        assertThat(db.sql().queryValue("select to_regtype('money')::text", String.class))
                .as("only PostgreSQL's own money type")
                .isEqualTo("money");
    }

    @Test
    void everyAnnotationRefusesTheSameFormsWithTheSameWords(PgTestDatabase db) {
        assertThatThrownBy(() -> db.schemaAction("update", TrailingDot.class))
                .hasStackTraceContaining("@PgCollation(name = \"ci.\")")
                .hasStackTraceContaining("collation name 'ci.' has an empty part");
        assertThatThrownBy(() -> db.schemaAction("update", ThreeParts.class))
                .hasStackTraceContaining("@PgProcedure(name = \"a.b.c\")")
                .hasStackTraceContaining("procedure name 'a.b.c' has 3 parts");
        assertThatThrownBy(() -> db.schemaAction("update", StrayQuote.class))
                .hasStackTraceContaining("@PgFunction(name = \"pub\"lic.one\")")
                .hasStackTraceContaining("has a double quote inside a part");
        assertThat(
                        db.sql()
                                .queryValue(
                                        """
                                        select count(*) from pg_class c
                                        where c.relnamespace = current_schema()::regnamespace
                                        """,
                                        Long.class))
                .isZero();
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from pg_collation where collname like 'ci%'",
                                        Long.class))
                .isZero();
    }

    @Test
    void aQuotedSchemaNameWithADotWorksThroughTwoUpdates(PgTestDatabase db) {
        db.execute("create schema \"" + DOTTED + "\"");
        db.schemaAction("update", DottedSchema.class);
        db.execute("insert into wallet (id, balance) values (1, 2.50)");
        db.schemaAction("update", DottedSchema.class);
        db.schemaAction("validate", DottedSchema.class);
        List<Map<String, Object>> types =
                db.sql()
                        .query(
                                """
                                select n.nspname::text as schema, format_type(a.atttypid, a.atttypmod) as type
                                from pg_attribute a
                                join pg_type t on t.oid = a.atttypid
                                join pg_namespace n on n.oid = t.typnamespace
                                where a.attrelid = 'wallet'::regclass and a.attname = 'balance'
                                """);
        assertThat(types).hasSize(1);
        assertThat(types.get(0)).containsEntry("schema", DOTTED);
        SessionFactory sf =
                db.entityManagerFactory(
                        List.of(DottedSchema.class),
                        Map.of(AvailableSettings.HBM2DDL_AUTO, "none"));
        try {
            sf.inTransaction(
                    s ->
                            PgProcedures.call(
                                    s,
                                    "\"" + DOTTED + "\".add_to_wallets",
                                    new BigDecimal("1.25")));
        } finally {
            db.close(sf);
        }
        assertThat(db.sql().queryValue("select balance::text from wallet", String.class))
                .isEqualTo("3.75");
    }
}
