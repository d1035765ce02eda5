package dev.pgorm.ddl.trigger.internal;

import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;

/**
 * {@code CREATE OR REPLACE FUNCTION} before the tables. Its drop removes the function only when
 * nothing depends on it, so {@code update} never breaks a trigger and {@code drop} (which runs it
 * after the tables are gone) cleans up.
 */
public final class FunctionObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final String schema;
    private final String name;
    private final String renderedName;
    private final String definition;

    FunctionObject(
            String schema, String name, String renderedName, String definition, String declaredBy) {
        super("pgorm.function." + (schema == null ? "" : schema + ".") + name, declaredBy);
        this.schema = schema;
        this.name = name;
        this.renderedName = renderedName;
        this.definition = definition;
    }

    /** Returns the full definition, used to tell identical declarations from conflicting ones. */
    public String definition() {
        return definition;
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return true;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        return new String[] {
            "set check_function_bodies = off", definition, "reset check_function_bodies"
        };
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        String namespace =
                schema == null
                        ? "current_schema()::regnamespace"
                        : "to_regnamespace(" + SqlText.literal(schema) + ")";
        return new String[] {
            "do $pgorm_drop$ declare f regprocedure; begin for f in select p.oid::regprocedure from"
                    + " pg_catalog.pg_proc p where p.proname = "
                    + SqlText.literal(name)
                    + " and p.pronamespace = "
                    + namespace
                    + " and not exists (select 1 from pg_catalog.pg_depend d where d.refclassid ="
                    + " 'pg_catalog.pg_proc'::regclass and d.refobjid = p.oid and d.deptype = 'n')"
                    + " loop execute 'drop function ' || f::text; end loop; end $pgorm_drop$"
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String namespace = schema == null ? "current_schema()" : "?";
        return List.of(
                new CatalogCheck(
                        "function " + renderedName + " (" + declaredBy() + ")",
                        "select exists (select 1 from pg_catalog.pg_proc p where p.proname = ? and"
                                + " p.pronamespace = to_regnamespace("
                                + namespace
                                + "))",
                        schema == null ? List.of(name) : List.of(name, schema)));
    }
}
