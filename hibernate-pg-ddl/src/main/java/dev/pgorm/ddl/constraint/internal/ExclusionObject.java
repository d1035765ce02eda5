package dev.pgorm.ddl.constraint.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.Fingerprint;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/**
 * {@code ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE} unless present, after the tables, with a
 * fingerprint of the declaration as the constraint's comment; {@code update} replaces a constraint
 * whose declaration changed.
 */
final class ExclusionObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table table;
    private final String name;
    private final String definition;

    ExclusionObject(Table table, String name, String definition, String declaredBy) {
        super("pgorm.exclusion." + key(table) + "." + name, declaredBy);
        this.table = table;
        this.name = name;
        this.definition = definition;
    }

    /** Returns the comment that identifies the declaration ({@code pgorm:} and a hash). */
    String fingerprint() {
        return Fingerprint.of(key(table), name, definition);
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String t = context.format(table.getQualifiedTableName());
        String constraint = PgIdentifiers.render(name);
        String add = "alter table " + t + " add constraint " + constraint + " " + definition;
        String comment =
                "comment on constraint "
                        + constraint
                        + " on "
                        + t
                        + " is "
                        + SqlText.literal(fingerprint());
        // one block: a changed declaration is dropped and added again, and if the rows violate
        // the new one, the old one stays (the post-update check names it)
        return new String[] {
            "do $pgorm$ declare k record; begin select pg_catalog.obj_description(c.oid,"
                    + " 'pg_constraint') as note into k from pg_catalog.pg_constraint c where"
                    + " c.conrelid = to_regclass("
                    + SqlText.literal(t)
                    + ") and c.conname = "
                    + SqlText.literal(name)
                    + "; if not found then "
                    + add
                    + "; "
                    + comment
                    + "; elsif k.note is null then "
                    + comment
                    + "; elsif "
                    + Fingerprint.changed("k.note", fingerprint())
                    + " then alter table "
                    + t
                    + " drop constraint "
                    + constraint
                    + "; "
                    + add
                    + "; "
                    + comment
                    + "; end if; end $pgorm$"
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String t = context.format(table.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "exclusion constraint "
                                + name
                                + " on "
                                + t
                                + " ("
                                + declaredBy()
                                + "; rows that violate it keep update from adding it, and a changed"
                                + " declaration counts as different)",
                        """
                        select exists (select 1 from pg_catalog.pg_constraint c
                                        where conrelid = to_regclass(?) and conname = ? and contype = 'x'
                                          and %s)
                        """
                                .formatted(Fingerprint.matches("c.oid", "pg_constraint")),
                        List.of(t, name, fingerprint())));
    }
}
