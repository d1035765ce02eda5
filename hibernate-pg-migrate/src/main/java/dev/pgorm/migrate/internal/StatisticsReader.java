package dev.pgorm.migrate.internal;

import java.sql.Connection;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the extended statistics objects of the schemas in scope into the model. */
final class StatisticsReader {

    /** Extended statistics objects: schema, name, the CREATE STATISTICS statement, comment. */
    static final String STATISTICS =
            """
            select n.nspname, s.stxname, pg_get_statisticsobjdef(s.oid),
                   obj_description(s.oid, 'pg_statistic_ext')
            from pg_statistic_ext s join pg_namespace n on n.oid = s.stxnamespace
            where n.nspname = any(?)
            order by 1, 2
            """;

    private StatisticsReader() {}

    /** Returns the statistics objects by qualified name. */
    static Map<String, Statistics> read(Connection c, Collection<String> schemas) {
        Map<String, Statistics> statistics = new LinkedHashMap<>();
        CatalogQuery.list(
                c,
                STATISTICS,
                schemas,
                rs ->
                        statistics.put(
                                SchemaModel.qualified(rs.getString(1), rs.getString(2)),
                                new Statistics(rs.getString(3), rs.getString(4))));
        return statistics;
    }
}
