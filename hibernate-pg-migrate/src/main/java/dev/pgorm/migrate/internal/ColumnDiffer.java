package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK;
import static dev.pgorm.migrate.PgMigrationHazard.TABLE_REWRITE;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import dev.pgorm.migrate.internal.SchemaModel.Column;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import java.util.Objects;
import java.util.Set;

/**
 * Plans the changes of a column that exists on both sides: type and collation, identity, generation
 * expression, default, nullability.
 */
final class ColumnDiffer {

    private ColumnDiffer() {}

    static void alter(Table t, Column was, Column c, PlanBuilder plan, LiveFacts facts) {
        String col = TableDiffer.alter(t) + "ALTER COLUMN " + PgIdentifiers.render(c.name()) + " ";
        type(t, was, c, col, plan);
        String wasDefault = was.defaultExpr();
        if (was.generated() != c.generated()
                || (c.generated() && !Objects.equals(wasDefault, c.defaultExpr()))) {
            if (!generation(t, was, c, col, plan)) {
                return;
            }
            wasDefault = null;
        }
        if (!was.identity().equals(c.identity())) {
            if (!c.identity().isEmpty() && (!was.notNull() || !c.notNull())) {
                refuse(
                        t,
                        c,
                        plan,
                        "becomes an identity column but is not NOT NULL yet: make it NOT NULL in an earlier migration");
                return;
            }
            identity(t, was, c, col, plan);
        }
        if (!c.generated() && !Objects.equals(wasDefault, c.defaultExpr())) {
            plan.add(
                    was.identity().isEmpty() ? Phase.ALTER_COLUMNS : Phase.COLUMN_DEFAULTS,
                    c.defaultExpr() == null
                            ? col + "DROP DEFAULT"
                            : col + "SET DEFAULT " + c.defaultExpr());
        }
        if (was.notNull() && !c.notNull()) {
            plan.add(Phase.ALTER_COLUMNS, col + "DROP NOT NULL");
        } else if (!was.notNull() && c.notNull()) {
            setNotNull(t, c, facts.nulls(t.qname(), c.name()), plan);
        }
    }

    /**
     * A type or collation change: plain when PostgreSQL keeps the stored values as they are,
     * otherwise with {@code USING} and a rewrite; a new collation rebuilds the column's indexes.
     */
    private static void type(Table t, Column was, Column c, String col, PlanBuilder plan) {
        boolean collation = !Objects.equals(was.collation(), c.collation());
        if (was.type().equals(c.type()) && !collation) {
            return;
        }
        String collate =
                !collation
                        ? ""
                        : " COLLATE "
                                + (c.collation() == null
                                        ? "pg_catalog.\"default\""
                                        : PgIdentifiers.quote(c.collation()));
        if (was.type().equals(c.type())) {
            plan.add(
                    Phase.ALTER_COLUMNS,
                    new Step(
                            col + "TYPE " + c.type() + collate,
                            true,
                            Set.of(ACCESS_EXCLUSIVE_LOCK),
                            "the column's indexes are rebuilt under the lock",
                            false));
        } else if (c.type().equals("bytea") && isText(was.type())) {
            refuse(t, c, plan, textToBytea(t, c));
        } else if (Sql.widensWithoutRewrite(was.type(), c.type())) {
            plan.add(Phase.ALTER_COLUMNS, col + "TYPE " + c.type() + collate);
        } else {
            plan.add(
                    Phase.ALTER_COLUMNS,
                    col
                            + "TYPE "
                            + c.type()
                            + collate
                            + " USING "
                            + PgIdentifiers.render(c.name())
                            + "::"
                            + c.type(),
                    TABLE_REWRITE,
                    ACCESS_EXCLUSIVE_LOCK);
        }
    }

    private static boolean isText(String type) {
        return type.equals("text")
                || type.startsWith("character varying")
                || type.startsWith("character(")
                || type.equals("character");
    }

    /**
     * Why text to bytea is not planned: a cast stores the text's bytes as they are (plain text in a
     * column that {@code @PgEncrypted} reads with {@code pgp_sym_decrypt}) and reads a backslash as
     * an escape; the right conversion depends on what the attribute is, which the schemas alone do
     * not tell, and encrypting needs a key that must not be in a migration file.
     */
    private static String textToBytea(Table t, Column c) {
        String name = PgIdentifiers.render(c.name());
        String alter = TableDiffer.alter(t) + "ALTER COLUMN " + name + " TYPE bytea USING ";
        return "changes from text to bytea, which the planner does not plan: a cast ("
                + name
                + "::bytea) would keep the values unencrypted and misread backslashes. Write"
                + " this step as a migration of your own: for a @PgEncrypted attribute, run in a"
                + " session where its key setting holds the key (SET app.crypto_key = '...'; not in"
                + " the migration file) "
                + alter
                + "pgp_sym_encrypt("
                + name
                + ", current_setting('app.crypto_key')), with your key setting's name; for plain"
                + " bytes, "
                + alter
                + "convert_to("
                + name
                + ", 'UTF8')";
    }

    /**
     * A generated column becomes a plain one keeping its values ({@code DROP EXPRESSION}); the rest
     * has no in-place form before PostgreSQL 17 and is refused with the way round.
     */
    private static boolean generation(Table t, Column was, Column c, String col, PlanBuilder plan) {
        if (was.generated() && !c.generated()) {
            plan.add(Phase.ALTER_COLUMNS, col + "DROP EXPRESSION");
            return true;
        }
        return refuse(
                t,
                c,
                plan,
                was.generated()
                        ? "generation expression changes (PostgreSQL has no in-place form before 17:"
                                + " add a new generated column and drop the old one)"
                        : "becomes a generated column (no in-place form: add a new generated column"
                                + " and drop the old one)");
    }

    /**
     * Adds, drops or switches an identity; a new identity's sequence continues after the highest
     * value already stored. A former default goes first, an identity's default later (in {@link
     * Phase#COLUMN_DEFAULTS}), as a column cannot have both.
     */
    private static void identity(Table t, Column was, Column c, String col, PlanBuilder plan) {
        String kind = "a".equals(c.identity()) ? "ALWAYS" : "BY DEFAULT";
        if (c.identity().isEmpty()) {
            plan.add(Phase.ALTER_COLUMNS, col + "DROP IDENTITY");
        } else if (!was.identity().isEmpty()) {
            plan.add(Phase.ALTER_COLUMNS, col + "SET GENERATED " + kind);
        } else {
            plan.add(Phase.COLUMN_DEFAULTS, col + "ADD GENERATED " + kind + " AS IDENTITY");
            String name = PgIdentifiers.render(c.name());
            plan.add(
                    Phase.COLUMN_DEFAULTS,
                    "SELECT setval(pg_get_serial_sequence("
                            + Sql.literal(t.qname())
                            + ", "
                            + Sql.literal(c.name())
                            + "), coalesce(max("
                            + name
                            + "), 0) + 1, false) FROM "
                            + t.qname());
        }
    }

    private static boolean refuse(Table t, Column c, PlanBuilder plan, String what) {
        plan.unsupported("column " + t.qname() + "." + c.name() + " " + what);
        return false;
    }

    /**
     * SET NOT NULL without a long ACCESS EXCLUSIVE lock: a validated check lets it skip the scan.
     */
    static void setNotNull(Table t, Column c, long nulls, PlanBuilder plan) {
        if (nulls > 0) {
            plan.unsupported(
                    "column "
                            + t.qname()
                            + "."
                            + c.name()
                            + " becomes NOT NULL but "
                            + nulls
                            + " rows hold null: give it a default or fill them first");
            return;
        }
        String check =
                PgIdentifiers.render(PgIdentifiers.fit(t.name() + "_" + c.name() + "_not_null"));
        String note = nulls < 0 ? "" : "0 rows hold null";
        plan.add(
                Phase.SET_NOT_NULL,
                TableDiffer.alter(t)
                        + "ADD CONSTRAINT "
                        + check
                        + " CHECK ("
                        + PgIdentifiers.render(c.name())
                        + " IS NOT NULL) NOT VALID");
        plan.add(
                Phase.SET_NOT_NULL,
                new Step(
                        TableDiffer.alter(t) + "VALIDATE CONSTRAINT " + check,
                        true,
                        Set.of(PgMigrationHazard.VALIDATES_DATA),
                        note,
                        true));
        plan.add(
                Phase.SET_NOT_NULL,
                new Step(
                        TableDiffer.alter(t)
                                + "ALTER COLUMN "
                                + PgIdentifiers.render(c.name())
                                + " SET NOT NULL",
                        true,
                        Set.of(),
                        "",
                        true));
        plan.add(Phase.SET_NOT_NULL, TableDiffer.alter(t) + "DROP CONSTRAINT " + check);
    }

    static Column withNotNull(Column c, boolean notNull) {
        return new Column(
                c.name(),
                c.type(),
                notNull,
                c.defaultExpr(),
                c.identity(),
                c.generated(),
                c.collation());
    }
}
