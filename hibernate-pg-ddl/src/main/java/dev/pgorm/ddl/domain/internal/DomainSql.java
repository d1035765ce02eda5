package dev.pgorm.ddl.domain.internal;

/** The block that creates or updates one domain, with placeholders that DomainObject fills. */
final class DomainSql {

    /** The temporary domain of the declared definition that an existing domain is compared with. */
    static final String PROBE = "pgorm_domain_probe";

    /**
     * Creates the domain when missing. When its comment is another PG-ORM fingerprint (or none), it
     * makes a temporary domain of the declaration and alters only what differs: the default, {@code
     * NOT NULL}, and the check (dropped, added {@code NOT VALID}, validated). A different base type
     * or collation is refused. One statement: when stored values violate the new definition,
     * nothing changes and the error names the domain and the constraint.
     */
    static final String UPDATE =
            // not feature_not_supported: connection pools take SQLSTATE 0A000 for a broken
            // connection
            """
            do $pgorm_domain$ declare d oid; note text; probe oid; old_type text; new_type text;
            begin
              select t.oid, pg_catalog.obj_description(t.oid, 'pg_type') into d, note
                from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
               where t.typname = {name} and t.typtype = 'd' and n.nspname = {schema};
              if d is null then
                execute {create};
              elsif note is distinct from {fingerprint} and (note is null or note like 'pgorm:%') then
                execute 'drop domain if exists pg_temp.' || {probeName};
                execute {probe};
                select t.oid into probe from pg_catalog.pg_type t
                 where t.typname = {probeName} and t.typnamespace = pg_catalog.pg_my_temp_schema();
                select pg_catalog.format_type(o.typbasetype, o.typtypmod)
                         || coalesce(' collate ' || (select c.collname from pg_catalog.pg_collation c
                                                       where c.oid = o.typcollation), ''),
                       pg_catalog.format_type(p.typbasetype, p.typtypmod)
                         || coalesce(' collate ' || (select c.collname from pg_catalog.pg_collation c
                                                       where c.oid = p.typcollation), '')
                  into old_type, new_type
                  from pg_catalog.pg_type o, pg_catalog.pg_type p where o.oid = d and p.oid = probe;
                if old_type <> new_type then
                  raise exception using errcode = 'object_not_in_prerequisite_state', message = pg_catalog.format(
                    'PG-ORM: domain %s is %s in the database but declared as %s; PostgreSQL cannot'
                    ' change the base type or collation of a domain: declare a domain with another'
                    ' name and move the columns to it', {label}, old_type, new_type);
                end if;
                begin
                  if (select typnotnull from pg_catalog.pg_type where oid = d)
                     <> (select typnotnull from pg_catalog.pg_type where oid = probe) then
                    execute {notNull};
                  end if;
                  if (select typdefault from pg_catalog.pg_type where oid = d)
                     is distinct from (select typdefault from pg_catalog.pg_type where oid = probe) then
                    execute {default};
                  end if;
                  if (select pg_catalog.pg_get_constraintdef(c.oid) from pg_catalog.pg_constraint c
                       where c.contypid = d and c.conname = {constraint})
                     is distinct from (select pg_catalog.pg_get_constraintdef(c.oid)
                       from pg_catalog.pg_constraint c where c.contypid = probe and c.conname = {constraint}) then
                    {replaceCheck}
                  end if;
                exception when check_violation or not_null_violation then
                  raise exception using errcode = sqlstate, message = pg_catalog.format(
                    'PG-ORM: domain %s keeps its old definition: stored values violate the declared'
                    ' one (constraint %s): %s; change those rows, or the declaration',
                    {label}, {constraint}, sqlerrm);
                end;
                execute 'drop domain pg_temp.' || {probeName};
              end if;
              if note is null or note like 'pgorm:%' then
                execute {comment};
              end if;
            end $pgorm_domain$""";

    private DomainSql() {}
}
