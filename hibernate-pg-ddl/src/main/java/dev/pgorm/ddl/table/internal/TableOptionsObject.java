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
 * each statement only when the catalog differs from the declaration. A partitioned table has no
 * storage of its own: it takes the tablespace (the default of partitions created later), and its
 * existing partitions take the storage parameters.
 */
final class TableOptionsObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table table;
    private final boolean unlogged;
    private final ArrayList<String> parameters;
    private final String tablespace;
    private final boolean partitioned;

    TableOptionsObject(Table table, TableOptions options, boolean partitioned, String declaredBy) {
        super("pgorm.table." + key(table), declaredBy);
        this.table = table;
        this.unlogged = options.unlogged();
        this.parameters = new ArrayList<>(options.parameters());
        this.tablespace = options.tablespace();
        this.partitioned = partitioned;
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

    /**
     * Returns whether table {@code c} holds the declared storage parameters: its own ({@code own},
     * a {@code text[]}) and, when it has a TOAST table, the {@code toast.*} ones there, without the
     * prefix ({@code toast}). A table without a TOAST table (no column that needs one) accepts
     * {@code toast.*} parameters and keeps them nowhere, so there is nothing to compare.
     */
    private static String holdsParameters(String own, String toast) {
        return """
                (coalesce(c.reloptions, '{}') @> %s
                   and (c.reltoastrelid = 0
                        or coalesce((select toast.reloptions from pg_catalog.pg_class toast
                                      where toast.oid = c.reltoastrelid), '{}') @> %s))"""
                .formatted(own, toast);
    }

    /**
     * Returns the plain tables among the leaves of a partition tree ({@code relation}, a {@code
     * regclass}) that do not hold the declared storage parameters (as {@link #holdsParameters}):
     * foreign tables take none.
     */
    private static String partitionsDiffering(String relation, String own, String toast) {
        return """
                select c.oid::regclass::text as rel from pg_catalog.pg_partition_tree(%s) p
                  join pg_catalog.pg_class c on c.oid = p.relid
                 where p.isleaf and c.relkind = 'r' and not %s
                 order by 1"""
                .formatted(relation, holdsParameters(own, toast));
    }

    private TableOptions options() {
        return new TableOptions(unlogged, parameters, tablespace);
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        String relation = "pg_catalog.to_regclass(" + SqlText.literal(qualified) + ")";
        TableOptions options = options();
        List<String> sql = new ArrayList<>();
        if (!partitioned) {
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
        }
        if (!parameters.isEmpty() && !partitioned) {
            // only when the catalog differs: SET (...) takes a lock, even when nothing changes
            sql.add(
                    "do $pgorm$ begin if not exists (select 1 from pg_catalog.pg_class c where"
                            + " c.oid = "
                            + relation
                            + " and "
                            + holdsParameters(
                                    SqlText.literal(options.reloptions()) + "::text[]",
                                    SqlText.literal(options.toastReloptions()) + "::text[]")
                            + ") then execute "
                            + SqlText.literal(
                                    "alter table "
                                            + qualified
                                            + " set ("
                                            + options.parameterList()
                                            + ")")
                            + "; end if; end $pgorm$");
        }
        if (!parameters.isEmpty() && partitioned) {
            // each partition that differs; SET (...) of these parameters rewrites nothing
            sql.add(
                    "do $pgorm$ declare r record; begin for r in "
                            + partitionsDiffering(
                                    relation,
                                    SqlText.literal(options.reloptions()) + "::text[]",
                                    SqlText.literal(options.toastReloptions()) + "::text[]")
                            + " loop execute pg_catalog.format("
                            + SqlText.literal(
                                    "alter table %s set (" + options.parameterList() + ")")
                            + ", r.rel); end loop; end $pgorm$");
        }
        if (!tablespace.isEmpty()) {
            // on a partitioned table this moves nothing: it is where new partitions go
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
        List<CatalogCheck> checks = new ArrayList<>();
        if (!partitioned || !tablespace.isEmpty()) {
            checks.add(
                    new CatalogCheck(
                            "storage options of table "
                                    + qualified
                                    + " ("
                                    + (partitioned
                                            ? "partitioned"
                                            : unlogged ? "unlogged" : "logged")
                                    + (partitioned || parameters.isEmpty()
                                            ? ""
                                            : ", " + options().parameterList())
                                    + (tablespace.isEmpty() ? "" : ", tablespace " + tablespace)
                                    + "; "
                                    + declaredBy()
                                    + "; run update)",
                            """
                            select exists (select 1 from pg_catalog.pg_class c
                                            left join pg_catalog.pg_tablespace t on t.oid = c.reltablespace
                                            where c.oid = pg_catalog.to_regclass(?)
                                              and (? or c.relpersistence = ?)
                                              and %s
                                              and (? = '' or %s = ?))
                            """
                                    .formatted(
                                            holdsParameters("?::text[]", "?::text[]"), TABLESPACE),
                            List.of(
                                    qualified,
                                    partitioned,
                                    unlogged ? "u" : "p",
                                    partitioned ? "{}" : options().reloptions(),
                                    partitioned ? "{}" : options().toastReloptions(),
                                    tablespace,
                                    tablespace)));
        }
        if (partitioned && !parameters.isEmpty()) {
            checks.add(
                    CatalogCheck.listing(
                            "storage parameters of the partitions of table "
                                    + qualified
                                    + " ("
                                    + options().parameterList()
                                    + "; "
                                    + declaredBy()
                                    + "; run update), missing on",
                            partitionsDiffering(
                                    "pg_catalog.to_regclass(?)", "?::text[]", "?::text[]"),
                            List.of(
                                    qualified,
                                    options().reloptions(),
                                    options().toastReloptions())));
        }
        return checks;
    }
}
