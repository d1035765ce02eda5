package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.View;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads plain and materialized views, their indexes and comments, into the model. */
final class ViewReader {

    /** Views in scope, as a CTE named {@code t} (the name {@link CatalogSql#INDEX_BODY} uses). */
    private static final String VIEWS_CTE =
            """
            with t as (
              select c.oid, n.nspname, c.relname, c.relkind, c.relispopulated
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where c.relkind in ('v', 'm') and n.nspname = any(?)
                and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                and d.objid = c.oid and d.deptype = 'e'))
            """;

    /** The views and matviews another view's query reads, from its rewrite rule's dependencies. */
    private static final String READS =
            """
            array(select x.%s from (
                    select distinct dn.nspname::text as s, dc.relname::text as r
                    from pg_rewrite rw
                    join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = rw.oid
                    join pg_class dc on dc.oid = d.refobjid
                    join pg_namespace dn on dn.oid = dc.relnamespace
                    where rw.ev_class = t.oid and dc.oid <> t.oid and dc.relkind in ('v', 'm')) x
                  order by x.s, x.r)
            """;

    static final String VIEWS =
            VIEWS_CTE
                    + """
                    select t.nspname, t.relname, t.relkind = 'm', pg_get_viewdef(t.oid, true),
                           t.relispopulated,
                           array(select a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                                 from pg_attribute a where a.attrelid = t.oid and a.attnum > 0
                                 and not a.attisdropped order by a.attnum),
                           %s, %s, obj_description(t.oid, 'pg_class')
                    from t order by 1, 2
                    """
                            .formatted(READS.formatted("s"), READS.formatted("r"));

    static final String VIEW_INDEXES =
            VIEWS_CTE
                    + """
                    select t.nspname, t.relname, ic.relname, i.indisunique, %s, i.indisvalid,
                           obj_description(ic.oid, 'pg_class')
                    from t join pg_index i on i.indrelid = t.oid
                    join pg_class ic on ic.oid = i.indexrelid
                    order by 1, 2, 3
                    """
                            .formatted(CatalogSql.INDEX_BODY.formatted("i.indexrelid"));

    private ViewReader() {}

    /** A view's index as the catalog returns it. */
    private record IndexRow(String view, Index index, String comment) {}

    static Map<String, View> read(Connection c, Set<String> schemas) {
        Map<String, Map<String, Index>> indexes = new LinkedHashMap<>();
        Map<String, Map<String, String>> comments = new LinkedHashMap<>();
        for (IndexRow row :
                CatalogQuery.list(
                        c,
                        VIEW_INDEXES,
                        schemas,
                        rs ->
                                new IndexRow(
                                        SchemaModel.qualified(rs.getString(1), rs.getString(2)),
                                        new Index(
                                                rs.getString(3),
                                                rs.getBoolean(4),
                                                rs.getString(5),
                                                rs.getBoolean(6)),
                                        rs.getString(7)))) {
            indexes.computeIfAbsent(row.view(), k -> new LinkedHashMap<>())
                    .put(row.index().name(), row.index());
            if (row.comment() != null) {
                comments.computeIfAbsent(row.view(), k -> new LinkedHashMap<>())
                        .put(row.index().name(), row.comment());
            }
        }
        Map<String, View> views = new LinkedHashMap<>();
        for (View v :
                CatalogQuery.list(
                        c,
                        VIEWS,
                        schemas,
                        rs -> {
                            List<String> schemasRead = CatalogQuery.strings(rs, 7);
                            List<String> namesRead = CatalogQuery.strings(rs, 8);
                            List<String> reads = new ArrayList<>();
                            for (int i = 0; i < schemasRead.size(); i++) {
                                reads.add(
                                        SchemaModel.qualified(
                                                schemasRead.get(i), namesRead.get(i)));
                            }
                            String key = SchemaModel.qualified(rs.getString(1), rs.getString(2));
                            return new View(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    query(rs.getString(4)),
                                    rs.getBoolean(5),
                                    CatalogQuery.strings(rs, 6),
                                    reads,
                                    rs.getString(9),
                                    indexes.getOrDefault(key, Map.of()),
                                    comments.getOrDefault(key, Map.of()));
                        })) {
            views.put(v.qname(), v);
        }
        return views;
    }

    /** Returns the query without the spaces around it and its final semicolon. */
    private static String query(String viewdef) {
        String q = viewdef.strip();
        return q.endsWith(";") ? q.substring(0, q.length() - 1).stripTrailing() : q;
    }
}
