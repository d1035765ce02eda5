package dev.pgorm.migrate.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the domains of the schemas in scope, with their checks, by qualified name. */
final class DomainReader {

    /**
     * Domains: schema, name, base type (with COLLATE when it differs from the base type's),
     * default, not null, check constraint names and definitions, comment.
     */
    static final String DOMAINS =
            """
            select n.nspname, ty.typname,
                   format_type(ty.typbasetype, ty.typtypmod)
                   || case when ty.typcollation <> b.typcollation
                           then ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                           else '' end,
                   ty.typdefault, ty.typnotnull,
                   array(select quote_ident(k.conname) from pg_constraint k
                         where k.contypid = ty.oid and k.contype = 'c' order by k.conname),
                   array(select pg_get_constraintdef(k.oid) from pg_constraint k
                         where k.contypid = ty.oid and k.contype = 'c' order by k.conname),
                   obj_description(ty.oid, 'pg_type')
            from pg_type ty join pg_namespace n on n.oid = ty.typnamespace
            join pg_type b on b.oid = ty.typbasetype
            left join pg_collation co on co.oid = ty.typcollation
            left join pg_namespace cn on cn.oid = co.collnamespace
            where ty.typtype = 'd' and n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                              and d.objid = ty.oid and d.deptype = 'e')
            order by 1, 2
            """;

    private DomainReader() {}

    static Map<String, Domain> read(Connection c, Collection<String> schemas) {
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (Domain d : CatalogQuery.list(c, DOMAINS, schemas, DomainReader::domain)) {
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
