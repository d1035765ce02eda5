package dev.pgorm.ddl.table.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * Applies a table's storage options after it exists: on {@code create} and on every {@code update},
 * each statement only when the catalog differs from the declaration.
 */
final class TableOptionsObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table table;
    private final boolean unlogged;
    private final ArrayList<String> parameters;
    private final String tablespace;

    TableOptionsObject(
            Table table,
            boolean unlogged,
            List<String> parameters,
            String tablespace,
            String declaredBy) {
        super("pgorm.table." + key(table), declaredBy);
        this.table = table;
        this.unlogged = unlogged;
        this.parameters = new ArrayList<>(parameters);
        this.tablespace = tablespace;
    }

    /**
     * The table's tablespace by name: {@code reltablespace} is 0 for the database's default, whose
     * name {@code pg_database} holds.
     */
    private static final String TABLESPACE =
            """
            coalesce(t.spcname, (select d.spcname from pg_catalog.pg_tablespace d
                                  join pg_catalog.pg_database b on b.dattablespace = d.oid
                                 where b.datname = pg_catalog.current_database()))""";

    /** The parameters as {@code reloptions} spells them: {@code name=value}. */
    private List<String> normalized() {
        List<String> normalized = new ArrayList<>();
        for (String p : parameters) {
            normalized.add(p.replaceAll("\\s+", ""));
        }
        return normalized;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        String relation = "pg_catalog.to_regclass(" + SqlText.literal(qualified) + ")";
        List<String> sql = new ArrayList<>();
        sql.add(
                "do $pgorm$ begin if (select relpersistence from pg_catalog.pg_class where oid = "
                        + relation
                        + ") <> '"
                        + (unlogged ? "u" : "p")
                        + "' then execute "
                        + SqlText.literal(
                                "alter table "
                                        + qualified
                                        + (unlogged ? " set unlogged" : " set logged"))
                        + "; end if; end $pgorm$");
        if (!parameters.isEmpty()) {
            // only when the catalog differs: SET (...) takes a lock, even when nothing changes
            sql.add(
                    "do $pgorm$ begin if not coalesce((select reloptions from pg_catalog.pg_class"
                            + " where oid = "
                            + relation
                            + "), '{}') @> "
                            + SqlText.literal("{" + String.join(",", normalized()) + "}")
                            + "::text[] then execute "
                            + SqlText.literal(
                                    "alter table "
                                            + qualified
                                            + " set ("
                                            + String.join(", ", parameters)
                                            + ")")
                            + "; end if; end $pgorm$");
        }
        if (!tablespace.isEmpty()) {
            sql.add(
                    "do $pgorm$ begin if (select "
                            + TABLESPACE
                            + " from pg_catalog.pg_class c left join pg_catalog.pg_tablespace t"
                            + " on t.oid = c.reltablespace where c.oid = "
                            + relation
                            + ") <> "
                            + SqlText.literal(tablespace)
                            + " then execute "
                            + SqlText.literal(
                                    "alter table "
                                            + qualified
                                            + " set tablespace "
                                            + PgIdentifiers.render(tablespace))
                            + "; end if; end $pgorm$");
        }
        return sql.toArray(String[]::new);
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        List<String> normalized = normalized();
        return List.of(
                new CatalogCheck(
                        "storage options of table "
                                + qualified
                                + " ("
                                + (unlogged ? "unlogged" : "logged")
                                + (parameters.isEmpty() ? "" : ", " + String.join(", ", parameters))
                                + (tablespace.isEmpty() ? "" : ", tablespace " + tablespace)
                                + "; "
                                + declaredBy()
                                + "; run update)",
                        """
                        select exists (select 1 from pg_catalog.pg_class c
                                        left join pg_catalog.pg_tablespace t on t.oid = c.reltablespace
                                        where c.oid = pg_catalog.to_regclass(?)
                                          and c.relpersistence = ?
                                          and coalesce(c.reloptions, '{}') @> ?::text[]
                                          and (? = '' or %s = ?))
                        """
                                .formatted(TABLESPACE),
                        List.of(
                                qualified,
                                unlogged ? "u" : "p",
                                "{" + String.join(",", normalized) + "}",
                                tablespace,
                                tablespace)));
    }
}
