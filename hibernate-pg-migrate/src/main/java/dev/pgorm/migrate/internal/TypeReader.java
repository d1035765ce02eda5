package dev.pgorm.migrate.internal;

import java.sql.Connection;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the enum types, composite types and collations of the schemas in scope into the model. */
final class TypeReader {

    static final String ENUMS =
            """
            select n.nspname, t.typname, array_agg(e.enumlabel::text order by e.enumsortorder)
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
            join pg_enum e on e.enumtypid = t.oid
            where n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                              and d.objid = t.oid and d.deptype = 'e')
            group by 1, 2 order by 1, 2
            """;

    /** Composite types made by CREATE TYPE (relkind 'c'), not the row types of tables. */
    static final String COMPOSITES =
            """
            select n.nspname, t.typname,
                   array_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                             order by a.attnum)
            from pg_type t join pg_namespace n on n.oid = t.typnamespace
            join pg_class c on c.oid = t.typrelid and c.relkind = 'c'
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            where t.typtype = 'c' and n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                              and d.objid = t.oid and d.deptype = 'e')
            group by 1, 2 order by 1, 2
            """;

    /** Collations made in the schemas (not the built-in ones, not extensions'). */
    static final String COLLATIONS =
            """
            select n.nspname, c.collname,
                   case c.collprovider when 'i' then 'icu' when 'c' then 'libc' else 'builtin' end,
                   coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale',
                            c.collcollate),
                   c.collisdeterministic
            from pg_collation c join pg_namespace n on n.oid = c.collnamespace
            where n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_collation'::regclass
                              and d.objid = c.oid and d.deptype = 'e')
            order by 1, 2
            """;

    private TypeReader() {}

    /** Returns the enum types by qualified name. */
    static Map<String, EnumType> enums(Connection c, Collection<String> schemas) {
        Map<String, EnumType> enums = new LinkedHashMap<>();
        for (EnumType e :
                CatalogQuery.list(
                        c,
                        ENUMS,
                        schemas,
                        rs ->
                                new EnumType(
                                        rs.getString(1),
                                        rs.getString(2),
                                        CatalogQuery.strings(rs, 3)))) {
            enums.put(e.qname(), e);
        }
        return enums;
    }

    /** Returns the composite types by qualified name. */
    static Map<String, CompositeType> composites(Connection c, Collection<String> schemas) {
        Map<String, CompositeType> composites = new LinkedHashMap<>();
        for (CompositeType t :
                CatalogQuery.list(
                        c,
                        COMPOSITES,
                        schemas,
                        rs ->
                                new CompositeType(
                                        rs.getString(1),
                                        rs.getString(2),
                                        CatalogQuery.strings(rs, 3)))) {
            composites.put(t.qname(), t);
        }
        return composites;
    }

    /** Returns the collations by qualified name. */
    static Map<String, Collation> collations(Connection c, Collection<String> schemas) {
        Map<String, Collation> collations = new LinkedHashMap<>();
        CatalogQuery.list(
                c,
                COLLATIONS,
                schemas,
                rs ->
                        collations.put(
                                SchemaModel.qualified(rs.getString(1), rs.getString(2)),
                                new Collation(rs.getString(3), rs.getString(4), rs.getBoolean(5))));
        return collations;
    }
}
