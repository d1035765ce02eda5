package dev.pgorm.ddl.extension.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.PgDdlObject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;

/** {@code CREATE EXTENSION IF NOT EXISTS}, before the tables; never dropped. */
public final class ExtensionObject extends PgDdlObject {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String schema;
    private final ArrayList<String> neededBy = new ArrayList<>();

    public ExtensionObject(String name, String schema) {
        super(
                "pgorm.extension." + PgIdentifiers.requireValid(name, "extension name"),
                "extension " + name);
        this.name = name;
        this.schema = schema == null ? "" : schema;
        if (!this.schema.isEmpty()) {
            PgIdentifiers.requireValid(this.schema, "schema of extension " + name);
        }
    }

    /** Returns the extension's name. */
    public String name() {
        return name;
    }

    /** Returns the schema to install it in, or empty for PostgreSQL's default. */
    public String schema() {
        return schema;
    }

    /** Records one more reason the extension is needed. */
    public void neededBy(String reason) {
        if (!neededBy.contains(reason)) {
            neededBy.add(reason);
        }
    }

    /** Returns why the extension is needed, for messages. */
    public List<String> neededBy() {
        return neededBy;
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return true;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        return new String[] {
            "create extension if not exists "
                    + PgIdentifiers.render(name)
                    + (schema.isEmpty() ? "" : " schema " + PgIdentifiers.render(schema))
        };
    }

    @Override
    public List<CatalogCheck> catalogChecks(SqlStringGenerationContext context) {
        return List.of(
                new CatalogCheck(
                        "extension " + name + " (needed by " + String.join(", ", neededBy) + ")",
                        """
                        select exists (select 1 from pg_catalog.pg_extension where extname = ?)
                        """,
                        List.of(name)));
    }
}
