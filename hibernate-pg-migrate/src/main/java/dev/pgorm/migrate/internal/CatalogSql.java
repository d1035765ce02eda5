package dev.pgorm.migrate.internal;

/**
 * The catalog queries of schemas, extensions, sequences, tables and what hangs on them, functions
 * and the objects the planner cannot plan yet, each taking the schemas in scope as its one text[]
 * parameter; types, domains, statistics and views have theirs beside their readers.
 */
final class CatalogSql {

    private CatalogSql() {}

    static final String SCHEMAS =
            """
            select n.nspname from pg_namespace n
            where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
              and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass
                              and d.objid = n.oid and d.deptype = 'e')
            order by 1
            """;

    static final String EXTENSIONS =
            """
            select e.extname, n.nspname from pg_extension e
            join pg_namespace n on n.oid = e.extnamespace order by 1
            """;

    static final String SEQUENCES =
            """
            select n.nspname, c.relname,
                   'AS ' || format_type(s.seqtypid, null) || ' INCREMENT BY ' || s.seqincrement
                   || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' START WITH '
                   || s.seqstart || ' CACHE ' || s.seqcache
                   || case when s.seqcycle then ' CYCLE' else ' NO CYCLE' end
            from pg_sequence s join pg_class c on c.oid = s.seqrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                              and d.objid = c.oid and d.deptype in ('e', 'i', 'a'))
            order by 1, 2
            """;

    /**
     * Tables in scope, as a CTE named {@code t} that the column, constraint and index queries use.
     */
    private static final String TABLES_CTE =
            """
            with t as (
              select c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, c.reloptions,
                     c.relrowsecurity, c.relforcerowsecurity, c.relpartbound,
                     c.relispartition, c.reltoastrelid
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where c.relkind in ('r', 'p') and n.nspname = any(?)
                and c.relname not in ('flyway_schema_history', 'databasechangelog', 'databasechangeloglock')
                and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                and d.objid = c.oid and d.deptype = 'e'))
            """;

    /**
     * Tables: name, partition key, the parent of a partition and its bound, the parents it inherits
     * from, persistence, storage parameters (with those of its TOAST table, which PostgreSQL keeps
     * there without their {@code toast.} prefix), row security, and a partition's indexes that are
     * partitions of its parent's indexes (the parent index's name, then its own).
     */
    static final String TABLES =
            TABLES_CTE
                    + """
                    select t.nspname, t.relname,
                           case when t.relkind = 'p' then pg_get_partkeydef(t.oid) end,
                           pn.nspname, pc.relname,
                           case when t.relispartition then pg_get_expr(t.relpartbound, t.oid) end,
                           array(select n.nspname::text from pg_inherits i join pg_class ic on ic.oid = i.inhparent
                                 join pg_namespace n on n.oid = ic.relnamespace
                                 where i.inhrelid = t.oid and not t.relispartition order by i.inhseqno),
                           array(select ic.relname::text from pg_inherits i join pg_class ic on ic.oid = i.inhparent
                                 where i.inhrelid = t.oid and not t.relispartition order by i.inhseqno),
                           t.relpersistence = 'u',
                           array(select o from (select o from unnest(t.reloptions) o
                                                union all
                                                select 'toast.' || o from pg_class tc, unnest(tc.reloptions) o
                                                where tc.oid = t.reltoastrelid) so order by 1),
                           t.relrowsecurity, t.relforcerowsecurity,
                           array(select px.relname::text from pg_index x join pg_class xc on xc.oid = x.indexrelid
                                 join pg_inherits h on h.inhrelid = xc.oid join pg_class px on px.oid = h.inhparent
                                 where x.indrelid = t.oid order by xc.relname),
                           array(select xc.relname::text from pg_index x join pg_class xc on xc.oid = x.indexrelid
                                 join pg_inherits h on h.inhrelid = xc.oid
                                 where x.indrelid = t.oid order by xc.relname)
                    from t
                    left join pg_inherits pi on t.relispartition and pi.inhrelid = t.oid
                    left join pg_class pc on pc.oid = pi.inhparent
                    left join pg_namespace pn on pn.oid = pc.relnamespace
                    order by 1, 2
                    """;

    static final String COLUMNS =
            TABLES_CTE
                    + """
                    select t.nspname, t.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                           a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text,
                           a.attgenerated <> '', co.collname
                    from t join pg_attribute a on a.attrelid = t.oid
                    join pg_type ty on ty.oid = a.atttypid
                    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                    left join pg_collation co on co.oid = a.attcollation
                                             and a.attcollation <> ty.typcollation
                    where a.attnum > 0 and not a.attisdropped and not t.relispartition
                    order by 1, 2, a.attnum
                    """;

    /** The part of an index definition after {@code USING}, from the index's oid {@code ix}. */
    static final String INDEX_BODY =
            """
            (select case when starts_with(pg_get_indexdef(ix.oid), p.prefix)
                         then substr(pg_get_indexdef(ix.oid), length(p.prefix) + 1) end
             from pg_class ix join pg_index xi on xi.indexrelid = ix.oid,
                  lateral (select 'CREATE ' || case when xi.indisunique then 'UNIQUE ' else '' end
                           || 'INDEX ' || quote_ident(ix.relname) || ' ON '
                           || case when t.relkind = 'p' then 'ONLY ' else '' end
                           || quote_ident(t.nspname) || '.' || quote_ident(t.relname)
                           || ' USING ' as prefix) p
             where ix.oid = %s)
            """;

    static final String CONSTRAINTS =
            TABLES_CTE
                    + """
                    select t.nspname, t.relname, con.conname, con.contype::text,
                           pg_get_constraintdef(con.oid), con.convalidated,
                           array(select a.attname::text from unnest(con.conkey) with ordinality k(num, pos)
                                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num
                                 order by k.pos),
                           case when con.contype in ('p', 'u') then %s end
                    from t join pg_constraint con on con.conrelid = t.oid
                    where con.contype in ('p', 'u', 'f', 'c', 'x') and con.conislocal
                    order by 1, 2, 3
                    """
                            .formatted(INDEX_BODY.formatted("con.conindid"));

    static final String INDEXES =
            TABLES_CTE
                    + """
                    select t.nspname, t.relname, ic.relname, i.indisunique, %s, i.indisvalid
                    from t join pg_index i on i.indrelid = t.oid
                    join pg_class ic on ic.oid = i.indexrelid
                    where not ic.relispartition and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid
                                      and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x'))
                    order by 1, 2, 3
                    """
                            .formatted(INDEX_BODY.formatted("i.indexrelid"));

    /**
     * Comments on tables, columns, constraints, policies and indexes: kind, schema, table, name,
     * text.
     */
    static final String COMMENTS =
            TABLES_CTE
                    + """
                    -- text, not name: a function's identity is longer than a name's 63 bytes
                    select 'TABLE', t.nspname, t.relname, null::text, d.description
                    from t join pg_description d on d.objoid = t.oid and d.classoid = 'pg_class'::regclass
                                                and d.objsubid = 0
                    union all
                    select 'COLUMN', t.nspname, t.relname, a.attname, d.description
                    from t join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
                    join pg_description d on d.objoid = t.oid and d.classoid = 'pg_class'::regclass
                                         and d.objsubid = a.attnum
                    union all
                    select 'CONSTRAINT', t.nspname, t.relname, con.conname, d.description
                    from t join pg_constraint con on con.conrelid = t.oid
                    join pg_description d on d.objoid = con.oid and d.classoid = 'pg_constraint'::regclass
                    union all
                    select 'POLICY', t.nspname, t.relname, p.polname, d.description
                    from t join pg_policy p on p.polrelid = t.oid
                    join pg_description d on d.objoid = p.oid and d.classoid = 'pg_policy'::regclass
                    union all
                    select case p.prokind when 'p' then 'PROCEDURE' else 'FUNCTION' end, null, null,
                           quote_ident(n.nspname) || '.' || quote_ident(p.proname)
                           || '(' || pg_get_function_identity_arguments(p.oid) || ')', d.description
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    join pg_description d on d.objoid = p.oid and d.classoid = 'pg_proc'::regclass
                    where p.prokind in ('f', 'p') and n.nspname = any(?)
                      and not exists (select 1 from pg_depend e where e.classid = 'pg_proc'::regclass
                                      and e.objid = p.oid and e.deptype = 'e')
                    union all
                    select 'TRIGGER', t.nspname, t.relname, tg.tgname, d.description
                    from t join pg_trigger tg on tg.tgrelid = t.oid
                    join pg_description d on d.objoid = tg.oid and d.classoid = 'pg_trigger'::regclass
                    union all
                    select 'INDEX', t.nspname, t.relname, ic.relname, d.description
                    from t join pg_index i on i.indrelid = t.oid join pg_class ic on ic.oid = i.indexrelid
                    join pg_description d on d.objoid = ic.oid and d.classoid = 'pg_class'::regclass
                                         and d.objsubid = 0
                    """;

    static final String POLICIES =
            TABLES_CTE
                    + """
                    select t.nspname, t.relname, p.polname, p.polpermissive, p.polcmd::text,
                           array(select case when r = 0 then 'public' else pg_get_userbyid(r)::text end
                                 from unnest(p.polroles) r order by 1),
                           pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
                    from t join pg_policy p on p.polrelid = t.oid
                    order by 1, 2, 3
                    """;

    /**
     * Functions and procedures: identity (qualified name and arguments), kind, full definition,
     * result type.
     */
    static final String FUNCTIONS =
            """
            select quote_ident(n.nspname) || '.' || quote_ident(p.proname)
                   || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                   case p.prokind when 'p' then 'PROCEDURE' else 'FUNCTION' end,
                   pg_get_functiondef(p.oid), coalesce(pg_get_function_result(p.oid), '')
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where p.prokind in ('f', 'p') and n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                              and d.objid = p.oid and d.deptype = 'e')
            order by 1
            """;

    static final String TRIGGERS =
            TABLES_CTE
                    + """
                    select t.nspname, t.relname, tg.tgname, pg_get_triggerdef(tg.oid)
                    from t join pg_trigger tg on tg.tgrelid = t.oid
                    where not tg.tgisinternal and tg.tgparentid = 0
                    order by 1, 2, 3
                    """;

    /**
     * Objects the planner cannot plan yet (foreign tables, range types): kind, name, definition.
     */
    static final String OTHERS =
            """
            select 'foreign table', quote_ident(n.nspname) || '.' || quote_ident(c.relname), ''
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'f' and n.nspname = any(?)
              and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                              and d.objid = c.oid and d.deptype = 'e')
            union all
            select 'range type', quote_ident(n.nspname) || '.' || quote_ident(ty.typname), ''
            from pg_type ty join pg_namespace n on n.oid = ty.typnamespace
            where n.nspname = any(?)
              and ty.typtype = 'r'
              and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                              and d.objid = ty.oid and d.deptype = 'e')
            """;
}
