package dev.pgorm.ddl.domain.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.Fingerprint;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * {@code CREATE DOMAIN} before the tables. On {@code update} a domain whose fingerprint changed is
 * compared with a temporary domain of the declared definition ({@link DomainSql#UPDATE}), and only
 * what differs is altered; the drop removes the domain only once the mapped tables are gone and
 * nothing uses it.
 */
public final class DomainObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final String schema;
    private final String name;
    private final DomainDefinition definition;
    private final ArrayList<Table> mappedTables = new ArrayList<>();

    DomainObject(String schema, String name, DomainDefinition definition, String declaredBy) {
        super("pgorm.domain." + (schema == null ? "" : schema + ".") + name, declaredBy);
        this.schema = schema;
        this.name = name;
        this.definition = definition;
    }

    /** Returns the domain's name as columns of it have it for their SQL type. */
    public String rendered() {
        return definition.rendered();
    }

    /** Returns the comment that identifies the definition ({@code pgorm:} and a hash). */
    String fingerprint() {
        return Fingerprint.of(
                definition.type(),
                definition.collation(),
                definition.defaultValue(),
                String.valueOf(definition.notNull()),
                definition.check());
    }

    /**
     * Sets the mapped tables whose absence allows dropping the domain: {@code drop} runs after the
     * tables are gone, {@code update} while they exist, so {@code update} never drops it.
     */
    public void droppableWithout(List<Table> tables) {
        mappedTables.clear();
        mappedTables.addAll(tables);
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return true;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String rendered = definition.rendered();
        String constraint = PgIdentifiers.quote(definition.constraintName());
        String alter = "alter domain " + rendered + " ";
        String replaceCheck =
                "execute "
                        + SqlText.literal(alter + "drop constraint if exists " + constraint)
                        + ";"
                        + (definition.check().isEmpty()
                                ? ""
                                : " execute "
                                        + SqlText.literal(
                                                alter
                                                        + "add constraint "
                                                        + constraint
                                                        + " check ("
                                                        + definition.check()
                                                        + ") not valid")
                                        + "; execute "
                                        + SqlText.literal(
                                                alter + "validate constraint " + constraint)
                                        + ";");
        String sql =
                DomainSql.UPDATE
                        .replace("{name}", SqlText.literal(name))
                        .replace(
                                "{schema}",
                                schema == null ? "current_schema()" : SqlText.literal(schema))
                        .replace("{fingerprint}", SqlText.literal(fingerprint()))
                        .replace("{create}", SqlText.literal(definition.create(rendered)))
                        .replace(
                                "{probe}",
                                SqlText.literal(definition.create("pg_temp." + DomainSql.PROBE)))
                        .replace("{probeName}", SqlText.literal(DomainSql.PROBE))
                        .replace("{label}", SqlText.literal(rendered))
                        .replace("{constraint}", SqlText.literal(definition.constraintName()))
                        .replace(
                                "{notNull}",
                                SqlText.literal(
                                        alter
                                                + (definition.notNull()
                                                        ? "set not null"
                                                        : "drop not null")))
                        .replace(
                                "{default}",
                                SqlText.literal(
                                        alter
                                                + (definition.defaultValue().isEmpty()
                                                        ? "drop default"
                                                        : "set default "
                                                                + definition.defaultValue())))
                        .replace("{replaceCheck}", replaceCheck)
                        .replace(
                                "{comment}",
                                SqlText.literal(
                                        "comment on domain "
                                                + rendered
                                                + " is "
                                                + SqlText.literal(fingerprint())));
        return new String[] {sql};
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        List<String> tables = new ArrayList<>();
        for (Table table : mappedTables) {
            tables.add(SqlText.literal(context.format(table.getQualifiedTableName())));
        }
        String tablesGone =
                tables.isEmpty()
                        ? "true"
                        : "not exists (select 1 from unnest(array["
                                + String.join(", ", tables)
                                + "]::text[]) t where to_regclass(t) is not null)";
        return new String[] {
            "do $pgorm_drop$ begin if "
                    + tablesGone
                    + " then execute "
                    + SqlText.literal("drop domain if exists " + definition.rendered())
                    + "; end if; exception when dependent_objects_still_exist then null;"
                    + " end $pgorm_drop$"
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        return List.of(
                new CatalogCheck(
                        "domain "
                                + definition.rendered()
                                + " ("
                                + declaredBy()
                                + "; a changed definition counts as different; update keeps the"
                                + " old definition when stored values violate the new check"
                                + " (constraint "
                                + definition.constraintName()
                                + ") or NOT NULL, and refuses a changed base type or collation)",
                        """
                        select exists (select 1 from pg_catalog.pg_type t
                                         join pg_catalog.pg_namespace n on n.oid = t.typnamespace
                                        where t.typname = ? and t.typtype = 'd'
                                          and n.nspname = coalesce(nullif(?, ''), current_schema())
                                          and %s)
                        """
                                .formatted(Fingerprint.matches("t.oid", "pg_type")),
                        List.of(name, schema == null ? "" : schema, fingerprint())));
    }
}
