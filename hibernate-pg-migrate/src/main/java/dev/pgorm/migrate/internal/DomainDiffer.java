package dev.pgorm.migrate.internal;

import static dev.pgorm.migrate.PgMigrationHazard.VALIDATES_DATA;

import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans domains: created with the types (after the enum and composite types a domain may use,
 * before the tables), changed in place with {@code ALTER DOMAIN} (a changed check dropped, added
 * {@code NOT VALID} and validated in a group of its own), dropped after the columns that used them;
 * a changed base type or collation is refused.
 */
final class DomainDiffer {

    private DomainDiffer() {}

    static void diff(SchemaModel current, SchemaModel desired, PlanBuilder plan) {
        for (Domain d : desired.domains().values()) {
            Domain old = current.domains().get(d.qname());
            if (!Objects.equals(old == null ? null : old.comment(), d.comment())
                    && (old == null || old.type().equals(d.type()))) {
                plan.add(
                        Phase.COMMENTS,
                        "COMMENT ON DOMAIN "
                                + d.qname()
                                + " IS "
                                + (d.comment() == null ? "NULL" : Sql.literal(d.comment())));
            }
            if (old == null) {
                plan.add(Phase.TYPES, create(d));
            } else if (!old.type().equals(d.type())) {
                plan.unsupported(
                        "domain "
                                + d.qname()
                                + ": base type "
                                + old.type()
                                + " becomes "
                                + d.type()
                                + " (PostgreSQL cannot change the base type or collation of a"
                                + " domain: create a domain with another name, move the columns to"
                                + " it and drop this one)");
            } else {
                alter(old, d, plan);
            }
        }
        for (Domain d : current.domains().values()) {
            if (!desired.domains().containsKey(d.qname())) {
                plan.add(Phase.DROP_TYPES, "DROP DOMAIN " + d.qname());
            }
        }
    }

    /** Returns the {@code CREATE DOMAIN} statement with every check. */
    static String create(Domain d) {
        StringBuilder sql =
                new StringBuilder("CREATE DOMAIN ")
                        .append(d.qname())
                        .append(" AS ")
                        .append(d.type());
        if (d.defaultValue() != null) {
            sql.append(" DEFAULT ").append(d.defaultValue());
        }
        if (d.notNull()) {
            sql.append(" NOT NULL");
        }
        for (Map.Entry<String, String> check : d.checks().entrySet()) {
            sql.append(" CONSTRAINT ").append(check.getKey()).append(' ').append(check.getValue());
        }
        return sql.toString();
    }

    private static void alter(Domain old, Domain d, PlanBuilder plan) {
        String alter = "ALTER DOMAIN " + d.qname() + " ";
        if (!Objects.equals(old.defaultValue(), d.defaultValue())) {
            plan.add(
                    Phase.TYPES,
                    alter
                            + (d.defaultValue() == null
                                    ? "DROP DEFAULT"
                                    : "SET DEFAULT " + d.defaultValue()));
        }
        if (old.notNull() && !d.notNull()) {
            plan.add(Phase.TYPES, alter + "DROP NOT NULL");
        } else if (!old.notNull() && d.notNull()) {
            plan.add(
                    Phase.SET_NOT_NULL,
                    new Step(
                            alter + "SET NOT NULL",
                            true,
                            Set.of(VALIDATES_DATA),
                            "checks every column of the domain, and fails if one holds a null",
                            true));
        }
        for (Map.Entry<String, String> check : old.checks().entrySet()) {
            if (!check.getValue().equals(d.checks().get(check.getKey()))) {
                plan.add(Phase.TYPES, alter + "DROP CONSTRAINT " + check.getKey());
            }
        }
        for (Map.Entry<String, String> check : d.checks().entrySet()) {
            if (!check.getValue().equals(old.checks().get(check.getKey()))) {
                // new values are checked from here on; stored ones by the VALIDATE below
                plan.add(
                        Phase.TYPES,
                        alter
                                + "ADD CONSTRAINT "
                                + check.getKey()
                                + " "
                                + check.getValue()
                                + " NOT VALID");
                plan.add(
                        Phase.ADD_CONSTRAINTS,
                        new Step(
                                alter + "VALIDATE CONSTRAINT " + check.getKey(),
                                true,
                                Set.of(VALIDATES_DATA),
                                "checks every stored value of the domain, and fails if one"
                                        + " violates the new check",
                                true));
            }
        }
    }
}
