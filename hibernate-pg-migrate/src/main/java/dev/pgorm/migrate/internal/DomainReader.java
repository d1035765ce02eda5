package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.internal.SchemaModel.Domain;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the domains of the schemas in scope, with their checks, by qualified name. */
final class DomainReader {

    private DomainReader() {}

    static Map<String, Domain> read(Connection c, Collection<String> schemas) {
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (Domain d : CatalogQuery.list(c, CatalogSql.DOMAINS, schemas, DomainReader::domain)) {
            domains.put(d.qname(), d);
        }
        return domains;
    }

    private static Domain domain(ResultSet rs) throws SQLException {
        List<String> names = CatalogQuery.strings(rs, 6);
        List<String> definitions = CatalogQuery.strings(rs, 7);
        Map<String, String> checks = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            checks.put(names.get(i), definitions.get(i));
        }
        return new Domain(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                checks,
                rs.getString(8));
    }
}
