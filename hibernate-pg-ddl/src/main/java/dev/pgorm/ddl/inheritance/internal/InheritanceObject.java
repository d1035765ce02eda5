package dev.pgorm.ddl.inheritance.internal;

import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/** {@code ALTER TABLE child INHERIT parent} unless already linked, after the tables. */
public final class InheritanceObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table child;
    private final Table parent;

    InheritanceObject(Table child, Table parent, String declaredBy) {
        super("pgorm.inherits." + child.getName(), declaredBy);
        this.child = child;
        this.parent = parent;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String c = context.format(child.getQualifiedTableName());
        String p = context.format(parent.getQualifiedTableName());
        return new String[] {
            "do $pgorm$ begin if not exists (select 1 from pg_catalog.pg_inherits where inhrelid = to_regclass("
                    + SqlText.literal(c)
                    + ") and inhparent = to_regclass("
                    + SqlText.literal(p)
                    + ")) then alter table "
                    + c
                    + " inherit "
                    + p
                    + "; end if; end $pgorm$"
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String c = context.format(child.getQualifiedTableName());
        String p = context.format(parent.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "inheritance of " + c + " from " + p + " (" + declaredBy() + ")",
                        "select exists (select 1 from pg_catalog.pg_inherits where inhrelid = to_regclass(?) and inhparent = to_regclass(?))",
                        List.of(c, p)));
    }
}
