package dev.pgorm.ddl.trigger.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.PgDdlObject;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.mapping.Table;

/** {@code CREATE OR REPLACE TRIGGER} after the tables; dropped with its table. */
final class TriggerObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Table table;
    private final String beforeOn;
    private final String afterOn;

    /**
     * @param beforeOn the part between the trigger name and {@code on}, e.g. {@code before update}
     * @param afterOn the part after the table, e.g. {@code for each row execute function f()}
     */
    TriggerObject(String name, Table table, String beforeOn, String afterOn, String declaredBy) {
        super("pgorm.trigger." + key(table) + "." + name, declaredBy);
        this.name = name;
        this.table = table;
        this.beforeOn = beforeOn;
        this.afterOn = afterOn;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        return new String[] {
            "create or replace trigger "
                    + PgIdentifiers.render(name)
                    + " "
                    + beforeOn
                    + " on "
                    + context.format(table.getQualifiedTableName())
                    + " "
                    + afterOn
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        String qualified = context.format(table.getQualifiedTableName());
        return List.of(
                new CatalogCheck(
                        "trigger " + name + " on " + qualified + " (" + declaredBy() + ")",
                        """
                        select exists (select 1 from pg_catalog.pg_trigger
                                        where tgrelid = to_regclass(?) and tgname = ? and not tgisinternal)
                        """,
                        List.of(qualified, name)));
    }
}
