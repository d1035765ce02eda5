package dev.pgorm.ddl.trigger.internal;

import dev.pgorm.ddl.internal.Fingerprint;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * {@code CREATE OR REPLACE FUNCTION} (or {@code PROCEDURE}) before the tables. Its drop removes the
 * function only when nothing depends on it, so {@code update} never breaks a trigger and {@code
 * drop} (which runs it after the tables are gone) cleans up.
 */
public final class FunctionObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String schema;
    private final String name;
    private final String renderedName;
    private final String signature;
    private final String definition;
    private final ArrayList<Table> mappedTables = new ArrayList<>();

    FunctionObject(
            String schema,
            String name,
            String renderedName,
            String signature,
            String definition,
            String declaredBy) {
        this("function", schema, name, renderedName, signature, definition, declaredBy);
    }

    private FunctionObject(
            String kind,
            String schema,
            String name,
            String renderedName,
            String signature,
            String definition,
            String declaredBy) {
        super("pgorm." + kind + "." + (schema == null ? "" : schema + ".") + name, declaredBy);
        this.kind = kind;
        this.schema = schema;
        this.name = name;
        this.renderedName = renderedName;
        this.signature = signature;
        this.definition = definition;
    }

    /**
     * Returns a procedure: the same rules as a function, with {@code CREATE OR REPLACE PROCEDURE}.
     *
     * @param definition the {@code CREATE OR REPLACE PROCEDURE} statement
     */
    public static FunctionObject procedure(
            String schema,
            String name,
            String renderedName,
            String signature,
            String definition,
            String declaredBy) {
        return new FunctionObject(
                "procedure", schema, name, renderedName, signature, definition, declaredBy);
    }

    /** Returns the comment that identifies the definition ({@code pgorm:} and a hash). */
    String fingerprint() {
        return Fingerprint.of(definition);
    }

    /**
     * Sets the mapped tables whose absence allows dropping the function: {@code drop} runs after
     * the tables are gone, {@code update} while they exist, so {@code update} never drops it.
     */
    public void droppableWithout(List<Table> tables) {
        mappedTables.clear();
        mappedTables.addAll(tables);
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
            "set check_function_bodies = off",
            // CREATE OR REPLACE cannot change the return type or a parameter name: then the old
            // function is dropped and created anew, in one block and without cascade, so that a
            // trigger still using it keeps it (and the post-update check names the function)
            "do $pgorm_fn$ declare g record; acl aclitem[]; owner oid; old regprocedure;"
                    + " tmp name := 'pgorm_replaced_' || pg_catalog.pg_backend_pid(); begin begin"
                    + " execute "
                    + SqlText.literal(definition)
                    // the signature names parameters, which regprocedure does not read: the old
                    // function is found under a name of its own
                    + "; exception when invalid_function_definition then execute "
                    + SqlText.literal("alter " + kind + " " + signature + " rename to ")
                    + " || pg_catalog.quote_ident(tmp); select p.oid, p.proacl, p.proowner into"
                    + " old, acl, owner from pg_catalog.pg_proc p where p.proname = tmp and "
                    + (schema == null
                            ? "pg_catalog.pg_function_is_visible(p.oid)"
                            : "p.pronamespace = (select oid from pg_catalog.pg_namespace where"
                                    + " nspname = "
                                    + SqlText.literal(schema)
                                    + ")")
                    + "; execute 'drop "
                    + kind
                    + " ' || old::text; execute "
                    + SqlText.literal(definition)
                    // the owner and the grants of the old function carry over
                    + "; "
                    + SqlText.ownerAgain(
                            "owner",
                            "pg_catalog.format('alter "
                                    + kind
                                    + " %s owner to %I', "
                                    + SqlText.literal(signature)
                                    + ", pg_catalog.pg_get_userbyid(owner))")
                    + SqlText.grantAgain("acl", kind, SqlText.literal(signature))
                    // a new function may be executed by PUBLIC; the old one may not have been
                    + " if acl is not null and not exists (select 1 from pg_catalog.aclexplode(acl)"
                    + " where grantee = 0) then execute "
                    + SqlText.literal("revoke all on " + kind + " " + signature + " from public")
                    + "; end if; end; execute "
                    + SqlText.literal(
                            "comment on "
                                    + kind
                                    + " "
                                    + signature
                                    + " is "
                                    + SqlText.literal(fingerprint()))
                    + "; end $pgorm_fn$",
            "reset check_function_bodies"
        };
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        String namespace =
                "(select oid from pg_catalog.pg_namespace where nspname = "
                        + (schema == null ? "current_schema()" : SqlText.literal(schema))
                        + ")";
        List<String> tables = new ArrayList<>();
        for (Table table : mappedTables) {
            tables.add(SqlText.literal(context.format(table.getQualifiedTableName())));
        }
        String tablesGone =
                tables.isEmpty()
                        ? "true"
                        : "not exists (select 1 from unnest(array["
                                + String.join(", ", tables)
                                + "]::text[]) t where to_regclass(t) is not null)";
        return new String[] {
            "do $pgorm_drop$ declare f regprocedure; begin if "
                    + tablesGone
                    + " then for f in select p.oid::regprocedure from pg_catalog.pg_proc p where p.proname = "
                    + SqlText.literal(name)
                    + " and p.prokind = "
                    + (kind.equals("procedure") ? "'p'" : "'f'")
                    + " and p.pronamespace = "
                    + namespace
                    + " and not exists (select 1 from pg_catalog.pg_depend d where d.refclassid ="
                    + " 'pg_catalog.pg_proc'::regclass and d.refobjid = p.oid and d.deptype = 'n')"
                    + " loop execute 'drop "
                    + kind
                    + " ' || f::text; end loop; end if; end $pgorm_drop$"
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        return List.of(
                new CatalogCheck(
                        kind
                                + " "
                                + renderedName
                                + " ("
                                + declaredBy()
                                + "; a changed definition counts as different)",
                        """
                        select exists (select 1 from pg_catalog.pg_proc p
                                         join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                                        where p.proname = ? and n.nspname = coalesce(nullif(?, ''), current_schema())
                                          and p.prokind = ? and %s)
                        """
                                .formatted(Fingerprint.matches("p.oid", "pg_proc")),
                        List.of(
                                name,
                                schema == null ? "" : schema,
                                kind.equals("procedure") ? "p" : "f",
                                fingerprint())));
    }
}
