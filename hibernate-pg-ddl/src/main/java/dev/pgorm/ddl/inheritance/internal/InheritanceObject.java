package dev.pgorm.ddl.inheritance.internal;

import dev.pgorm.ddl.internal.PgDdlObject;
import dev.pgorm.ddl.internal.SqlText;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/** {@code ALTER TABLE child INHERIT parent} unless already linked, after the tables. */
final class InheritanceObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final Table child;
    private final Table parent;

    InheritanceObject(Table child, Table parent, String declaredBy) {
        super("pgorm.inherits." + key(child), declaredBy);
        this.child = child;
        this.parent = parent;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        String c = context.format(child.getQualifiedTableName());
        String p = context.format(parent.getQualifiedTableName());
        String childRel = "to_regclass(" + SqlText.literal(c) + ")";
        String parentRel = "to_regclass(" + SqlText.literal(p) + ")";
        // PostgreSQL requires the child to carry each of the parent's CHECK constraints under the
        // same name; Hibernate names column checks (enums, @Check) after each table, so the child's
        // identical check takes the parent's name.
        return new String[] {
            "do $pgorm$ declare k record; same name; begin if not exists (select 1 from pg_catalog.pg_inherits where inhrelid = "
                    + childRel
                    + " and inhparent = "
                    + parentRel
                    + ") then for k in select conname, pg_get_constraintdef(oid) as def from pg_catalog.pg_constraint"
                    + " where conrelid = "
                    + parentRel
                    + " and contype = 'c' and conname not in (select conname from pg_catalog.pg_constraint where conrelid = "
                    + childRel
                    + ") loop select conname into same from pg_catalog.pg_constraint where conrelid = "
                    + childRel
                    + " and contype = 'c' and pg_get_constraintdef(oid) = k.def limit 1;"
                    + " if same is null then raise exception 'PG-ORM: table % cannot inherit from %: it lacks check constraint % (%)', "
                    + childRel
                    + ", "
                    + parentRel
                    + ", k.conname, k.def; end if;"
                    + " execute format('alter table %s rename constraint %I to %I', "
                    + childRel
                    + "::text, same, k.conname); end loop; alter table "
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
                        """
                        select exists (select 1 from pg_catalog.pg_inherits
                                        where inhrelid = to_regclass(?) and inhparent = to_regclass(?))
                        """,
                        List.of(c, p)));
    }
}
