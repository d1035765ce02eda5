package dev.pgorm.ddl.statistics.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.Fingerprint;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * {@code CREATE STATISTICS IF NOT EXISTS}, after the tables; dropped with its table.
 *
 * <p>As indexes do (decision 0003), the object carries a fingerprint of its declaration as its
 * comment; when {@code update} finds one of that name on the table with another fingerprint, it is
 * dropped and created again in one statement. It holds only what {@code ANALYZE} computed, which
 * the next {@code ANALYZE} computes again.
 */
final class StatisticsObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Table table;
    private final ArrayList<String> kinds;
    private final ArrayList<String> columns;

    StatisticsObject(
            String name, Table table, List<String> kinds, List<String> columns, String declaredBy) {
        super("pgorm.statistics." + key(table) + "." + name, declaredBy);
        this.name = name;
        this.table = table;
        this.kinds = new ArrayList<>(kinds);
        this.columns = new ArrayList<>(columns);
    }

    String fingerprint() {
        return Fingerprint.of(
                name, key(table), String.join("\t", kinds), String.join("\t", columns));
    }

    /** The object's name, in the table's schema when the table names one (else the current). */
    private String qualifiedName() {
        return table.getSchema() == null
                ? PgIdentifiers.render(name)
                : PgIdentifiers.renderQualified(table.getSchema(), name);
    }

    /** Selects this object (namespace, name, comment) in a generated block, by table and name. */
    private String select(String qualifiedTable) {
        return "select n.nspname, s.stxname as relname,"
                + " pg_catalog.obj_description(s.oid, 'pg_statistic_ext') as note"
                + " from pg_catalog.pg_statistic_ext s"
                + " join pg_catalog.pg_namespace n on n.oid = s.stxnamespace"
                + " where s.stxrelid = pg_catalog.to_regclass("
                + SqlText.literal(qualifiedTable)
                + ") and s.stxname = "
                + SqlText.literal(name);
    }

    private String create(String qualifiedTable) {
        return "create statistics if not exists "
                + qualifiedName()
                + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")")
                + " on "
                + String.join(", ", columns)
                + " from "
                + qualifiedTable;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String qualifiedTable = context.format(table.getQualifiedTableName());
        String fingerprint = fingerprint();
        String create = create(qualifiedTable);
        String rebuildIfChanged =
                "do $pgorm$ declare i record; begin "
                        + select(qualifiedTable)
                        + " into i; if found and "
                        + Fingerprint.changed("i.note", fingerprint)
                        + " then execute pg_catalog.format('drop statistics %I.%I', i.nspname,"
                        + " i.relname); execute "
                        + SqlText.literal(create)
                        + "; end if; end $pgorm$";
        return new String[] {
            rebuildIfChanged,
            create,
            Fingerprint.recordIfNone(select(qualifiedTable), "statistics", fingerprint)
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String qualifiedTable = context.format(table.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "statistics "
                                + name
                                + " on "
                                + qualifiedTable
                                + " ("
                                + declaredBy()
                                + "; one whose declaration changed counts as different: run update)",
                        """
                        select exists (select 1 from pg_catalog.pg_statistic_ext s
                                        where s.stxrelid = pg_catalog.to_regclass(?)
                                          and s.stxname = ? and %s)
                        """
                                .formatted(Fingerprint.matches("s.oid", "pg_statistic_ext")),
                        List.of(qualifiedTable, name, fingerprint())));
    }
}
