package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One database's schema as the catalog reader sees it, normalised by the server; keys are qualified
 * names rendered as SQL.
 *
 * @param schemas the schemas in scope
 * @param extensions extension name to its schema
 * @param enums enum types
 * @param composites composite types (not the row types of tables)
 * @param domains domains
 * @param sequences standalone sequences
 * @param tables tables
 * @param others objects the planner compares but cannot plan yet, key "kind name" to definition
 * @param comments comments on tables, columns, constraints, policies and indexes, by the object
 *     they name
 * @param policies row-level security policies, key "name ON table"
 * @param functions functions and procedures, key "schema.name(arguments)"
 * @param triggers triggers, key "name ON table"
 * @param views plain and materialized views
 * @param statistics extended statistics objects by qualified name
 * @param collations collations made by CREATE COLLATION in the schemas, by qualified name
 */
record SchemaModel(
        Set<String> schemas,
        Map<String, String> extensions,
        Map<String, EnumType> enums,
        Map<String, CompositeType> composites,
        Map<String, Domain> domains,
        Map<String, Sequence> sequences,
        Map<String, Table> tables,
        Map<String, String> others,
        Map<String, Comment> comments,
        Map<String, Policy> policies,
        Map<String, Function> functions,
        Map<String, Trigger> triggers,
        Map<String, View> views,
        Map<String, Statistics> statistics,
        Map<String, Collation> collations) {

    /** Returns this model with every index valid: what a copy built from it holds. */
    SchemaModel withValidIndexes() {
        Map<String, Table> valid = new LinkedHashMap<>();
        tables.forEach(
                (name, t) -> {
                    valid.put(name, t.with(t.constraints(), validIndexes(t.indexes())));
                });
        Map<String, View> validViews = new LinkedHashMap<>();
        views.forEach((name, v) -> validViews.put(name, v.withIndexes(validIndexes(v.indexes()))));
        return new SchemaModel(
                schemas,
                extensions,
                enums,
                composites,
                domains,
                sequences,
                valid,
                others,
                comments,
                policies,
                functions,
                triggers,
                validViews,
                statistics,
                collations);
    }

    private static Map<String, Index> validIndexes(Map<String, Index> indexes) {
        Map<String, Index> valid = new LinkedHashMap<>();
        indexes.forEach((k, i) -> valid.put(k, new Index(i.name(), i.unique(), i.body(), true)));
        return valid;
    }

    static String qualified(String schema, String name) {
        return PgIdentifiers.renderQualified(schema, name);
    }

    /**
     * A comment on a table, or on a column, constraint or index ({@code name}) of that table.
     *
     * @param kind TABLE, COLUMN, CONSTRAINT or INDEX
     */
    record Comment(String kind, String schema, String table, String name, String text) {

        /** Returns the object as {@code COMMENT ON} names it. */
        String target() {
            return switch (kind) {
                case "FUNCTION", "PROCEDURE" -> kind + " " + name;
                case "TABLE" -> "TABLE " + qualified(schema, table);
                case "COLUMN" ->
                        "COLUMN " + qualified(schema, table) + "." + PgIdentifiers.render(name);
                case "INDEX" -> "INDEX " + qualified(schema, name);
                default ->
                        kind + " " + PgIdentifiers.render(name) + " ON " + qualified(schema, table);
            };
        }
    }

    /**
     * A row-level security policy.
     *
     * @param command the pg_policy command: {@code *}, r, a, w or d
     * @param roles role names, {@code public} for PUBLIC
     */
    record Policy(
            String schema,
            String table,
            String name,
            boolean permissive,
            String command,
            List<String> roles,
            String using,
            String withCheck) {
        String key() {
            return PgIdentifiers.render(name) + " ON " + qualified(schema, table);
        }
    }

    /**
     * A function or procedure.
     *
     * @param kind FUNCTION or PROCEDURE
     * @param definition {@code pg_get_functiondef}: a complete CREATE OR REPLACE statement
     * @param result {@code pg_get_function_result}, empty for a procedure
     */
    record Function(String identity, String kind, String definition, String result) {}

    /**
     * A trigger.
     *
     * @param definition {@code pg_get_triggerdef}: a complete CREATE TRIGGER statement
     */
    record Trigger(String schema, String table, String name, String definition) {
        String key() {
            return PgIdentifiers.render(name) + " ON " + qualified(schema, table);
        }
    }

    /** A sequence not owned by a column. */
    record Sequence(String schema, String name, String definition) {
        String qname() {
            return qualified(schema, name);
        }
    }

    /**
     * A table.
     *
     * @param form partitioning, inheritance, persistence and storage parameters
     * @param rowSecurity whether row-level security is enabled
     * @param forceRowSecurity whether it is forced on the table's owner too
     */
    record Table(
            String schema,
            String name,
            TableForm form,
            boolean rowSecurity,
            boolean forceRowSecurity,
            List<Column> columns,
            Map<String, Constraint> constraints,
            Map<String, Index> indexes) {
        String qname() {
            return qualified(schema, name);
        }

        Column column(String column) {
            return columns.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
        }

        /** Returns this table with other constraints and indexes. */
        Table with(
                Map<String, Constraint> replacedConstraints, Map<String, Index> replacedIndexes) {
            return new Table(
                    schema,
                    name,
                    form,
                    rowSecurity,
                    forceRowSecurity,
                    columns,
                    replacedConstraints,
                    replacedIndexes);
        }
    }

    /** A column; {@code defaultExpr} is the generation expression when {@code generated}. */
    record Column(
            String name,
            String type,
            boolean notNull,
            String defaultExpr,
            String identity,
            boolean generated,
            String collation) {}

    /**
     * A primary key, unique, foreign key, check or exclusion constraint.
     *
     * @param type p, u, f, c or x
     * @param indexBody for p and u, the backing index after {@code USING}, else null
     */
    record Constraint(
            String name,
            String type,
            String definition,
            boolean validated,
            List<String> columns,
            String indexBody) {}

    /**
     * An index that backs no constraint.
     *
     * @param body the definition after {@code USING}, for example {@code btree (lower(email))}
     */
    record Index(String name, boolean unique, String body, boolean valid) {}

    /**
     * A plain or materialized view.
     *
     * @param query {@code pg_get_viewdef}, without its final semicolon
     * @param populated whether a materialized view holds rows (was created or refreshed with data)
     * @param columns the columns, each "name type", in order
     * @param reads the views and materialized views the query reads, qualified
     * @param comment the view's comment, or null
     * @param indexes a materialized view's indexes
     * @param indexComments comments on those indexes, by index name
     */
    record View(
            String schema,
            String name,
            boolean materialized,
            String query,
            boolean populated,
            List<String> columns,
            List<String> reads,
            String comment,
            Map<String, Index> indexes,
            Map<String, String> indexComments) {
        String qname() {
            return qualified(schema, name);
        }

        /** Returns VIEW or MATERIALIZED VIEW. */
        String kind() {
            return materialized ? "MATERIALIZED VIEW" : "VIEW";
        }

        View withIndexes(Map<String, Index> replaced) {
            return new View(
                    schema,
                    name,
                    materialized,
                    query,
                    populated,
                    columns,
                    reads,
                    comment,
                    replaced,
                    indexComments);
        }
    }
}
