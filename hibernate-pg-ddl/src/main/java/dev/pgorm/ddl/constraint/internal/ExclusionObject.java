package dev.pgorm.ddl.constraint.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/** {@code ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE} unless present, after the tables. */
public final class ExclusionObject extends PgDdlObject {

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

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String t = context.format(table.getQualifiedTableName());
        return new String[] {
            "do $pgorm$ begin if not exists (select 1 from pg_catalog.pg_constraint where conrelid = to_regclass("
                    + SqlText.literal(t)
                    + ") and conname = "
                    + SqlText.literal(name)
                    + ") then alter table "
                    + t
                    + " add constraint "
                    + PgIdentifiers.render(name)
                    + " "
                    + definition
                    + "; end if; end $pgorm$"
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String t = context.format(table.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "exclusion constraint " + name + " on " + t + " (" + declaredBy() + ")",
                        "select exists (select 1 from pg_catalog.pg_constraint where conrelid = to_regclass(?) and conname = ? and contype = 'x')",
                        List.of(t, name)));
    }
}
