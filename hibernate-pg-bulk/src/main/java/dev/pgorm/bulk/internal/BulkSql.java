package dev.pgorm.bulk.internal;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.List;

/** Renders the statements that move rows from the temporary table into the entity's table. */
final class BulkSql {

    /**
     * The upsert: one {@code INSERT ... SELECT ... ON CONFLICT}; {@code xmax = 0} holds for a row
     * this statement inserted, not for one it updated (whose old version it replaced).
     */
    private static final String UPSERT =
            """
            with written as (
              insert into %1$s as t (%2$s)%3$s
              select %4$s from %5$s
              on conflict %6$s
              returning (t.xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted)
              from written""";

    /**
     * The update: one {@code UPDATE ... FROM}, run inside a savepoint; when it changes fewer rows
     * than were loaded, the caller rolls back to the savepoint and asks {@link #STALE} why.
     */
    private static final String UPDATE =
            """
            update %1$s as t set %3$s from %2$s s
             where %4$s""";

    /**
     * Why an update changed fewer rows than it was given: the first row without a current match
     * (missing, or another version), else the first identifier given twice; no row when neither (a
     * trigger or an UPDATE-only row security policy skipped rows).
     */
    private static final String STALE =
            """
            (select 'missing' as why, %3$s::text as id from %2$s s
               left join %1$s t on %4$s
              where t.%5$s is null
              limit 1)
            union all
            (select 'twice', %3$s::text from %2$s s
              group by %6$s
             having count(*) > 1
              limit 1)
            limit 1""";

    private BulkSql() {}

    /**
     * Which rows of a versioned entity an upsert statement takes: with a version ({@code seed}
     * null), or without one, inserted with {@code seed} (a number, written as a literal).
     */
    record VersionedRows(Long seed) {
        static final VersionedRows WITH_VERSION = new VersionedRows(null);
    }

    /**
     * Renders the upsert from {@code temp} into the table.
     *
     * @param target the conflict target: {@code (a, b)} or {@code on constraint "name"}
     * @param tenant the {@code @TenantId} column, or null: an existing row is updated only when it
     *     holds the tenant of the row given, which is the session's (Hibernate's insert-time tenant
     *     generator sets it, and refuses another); another tenant's row is skipped
     * @param rows for a versioned entity, which of the loaded rows this statement takes: those with
     *     a version (compared with the row's, a stale one skipped) or those without (updating
     *     whatever the row's version, inserted with the seed)
     */
    static String upsert(
            BulkTable table,
            BulkColumns columns,
            String temp,
            boolean overriding,
            String target,
            boolean update,
            List<String> set,
            String tenant,
            VersionedRows rows) {
        String action = "do nothing";
        String version = columns.version();
        if (update && (!set.isEmpty() || version != null)) {
            StringBuilder sb = new StringBuilder("do update set ");
            for (String c : set) {
                sb.append(c).append(" = ").append(columns.updateValue(c, "excluded")).append(", ");
            }
            List<String> where = new ArrayList<>();
            if (version != null) {
                sb.append(version).append(" = t.").append(version).append(" + 1");
                if (rows.seed() == null) {
                    where.add("t." + version + " = excluded." + version);
                }
            } else {
                sb.setLength(sb.length() - 2);
            }
            if (tenant != null) {
                where.add("t." + tenant + " = excluded." + tenant);
            }
            if (!where.isEmpty()) {
                sb.append(" where ").append(String.join(" and ", where));
            }
            action = sb.toString();
        }
        String columnList = BulkInserter.columnList(table);
        String select = columnList;
        String from = temp;
        if (version != null) {
            // rows with a version compare it; rows without one take the seed when inserted
            from = temp + " where " + version + (rows.seed() == null ? " is not null" : " is null");
            if (rows.seed() != null) {
                select =
                        table.columns().stream()
                                .map(
                                        c ->
                                                c.name().equals(version)
                                                        ? "coalesce("
                                                                + version
                                                                + ", "
                                                                + rows.seed()
                                                                + ")"
                                                        : c.name())
                                .collect(joining(", "));
            }
        }
        return UPSERT.formatted(
                table.table(),
                columnList,
                overriding ? " overriding system value" : "",
                select,
                from,
                target + " " + action);
    }

    /**
     * Renders the update of the table from {@code temp}, joined on every identifier column (and the
     * version), and on the session's tenant (a parameter) when {@code tenant} names its column.
     */
    static String update(
            BulkTable table, BulkColumns columns, String temp, List<String> set, String tenant) {
        List<String> ids = columns.ids();
        String version = columns.version();
        StringBuilder sb = new StringBuilder();
        for (String c : set) {
            sb.append(sb.length() == 0 ? "" : ", ")
                    .append(c)
                    .append(" = ")
                    .append(columns.updateValue(c, "s"));
        }
        if (version != null) {
            sb.append(sb.length() == 0 ? "" : ", ")
                    .append(version)
                    .append(" = t.")
                    .append(version)
                    .append(" + 1");
        }
        if (sb.length() == 0) {
            // nothing to set but the identifier: the update only checks that the rows exist
            sb.append(ids.get(0)).append(" = s.").append(ids.get(0));
        }
        String match = match(ids, version, tenant);
        return UPDATE.formatted(table.table(), temp, sb, match);
    }

    /** Renders the query that names why {@link #update} changed fewer rows than it was given. */
    static String stale(BulkTable table, BulkColumns columns, String temp, String tenant) {
        List<String> ids = columns.ids();
        String named =
                ids.size() == 1
                        ? "s." + ids.get(0)
                        : ids.stream().map(id -> "s." + id).collect(joining(", ", "row(", ")"));
        return STALE.formatted(
                table.table(),
                temp,
                named,
                match(ids, columns.version(), tenant),
                ids.get(0),
                ids.stream().map(id -> "s." + id).collect(joining(", ")));
    }

    /**
     * The join of the table {@code t} and the loaded rows {@code s}: identifiers and version, and
     * the session's tenant (a parameter) when {@code tenant} names its column.
     */
    private static String match(List<String> ids, String version, String tenant) {
        StringBuilder match = new StringBuilder();
        for (String id : ids) {
            match.append(match.length() == 0 ? "" : " and ")
                    .append("t.")
                    .append(id)
                    .append(" = s.")
                    .append(id);
        }
        if (version != null) {
            match.append(" and t.").append(version).append(" = s.").append(version);
        }
        if (tenant != null) {
            match.append(" and t.").append(tenant).append(" = ?");
        }
        return match.toString();
    }
}
