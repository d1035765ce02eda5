package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.PgDialectGuard;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Table;

/**
 * A PostgreSQL schema object declared by an annotation, handed to Hibernate as an auxiliary
 * database object so that every schema action and script target sees it.
 *
 * <p>Create strings must be idempotent, because {@code hbm2ddl.auto=update} runs them on every
 * boot. Drop strings must never lose data, because {@code update} runs them (quietly) before the
 * create strings: objects that go away with their table (indexes, partitions, policies, triggers)
 * have none.
 */
public abstract class PgDdlObject implements AuxiliaryDatabaseObject {

    private static final long serialVersionUID = 1L;

    private final String exportIdentifier;
    private final String declaredBy;

    /**
     * Creates the object.
     *
     * @param exportIdentifier unique name among Hibernate's exportables, for example {@code
     *     pgorm.index.doc_attrs_gin}
     * @param declaredBy what declared it, for messages, for example {@code @PgIndex on entity
     *     Document}
     */
    protected PgDdlObject(String exportIdentifier, String declaredBy) {
        this.exportIdentifier = exportIdentifier;
        this.declaredBy = declaredBy;
    }

    /** Returns the objects declared in {@code metadata} that apply to its dialect. */
    public static List<PgDdlObject> declaredIn(Metadata metadata) {
        List<PgDdlObject> objects = new ArrayList<>();
        for (AuxiliaryDatabaseObject aux : metadata.getDatabase().getAuxiliaryDatabaseObjects()) {
            if (aux instanceof PgDdlObject object
                    && aux.appliesToDialect(metadata.getDatabase().getDialect())) {
                objects.add(object);
            }
        }
        return objects;
    }

    /** Returns a table's name qualified by its explicit schema, if any, for identifiers. */
    protected static String key(Table table) {
        return (table.getSchema() == null ? "" : table.getSchema() + ".") + table.getName();
    }

    @Override
    public String getExportIdentifier() {
        return exportIdentifier;
    }

    /** Returns what declared this object, for messages. */
    public String declaredBy() {
        return declaredBy;
    }

    @Override
    public boolean appliesToDialect(Dialect dialect) {
        return PgDialectGuard.isPostgreSQL(dialect);
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return false;
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        return new String[0];
    }

    /**
     * Returns the catalog checks that {@code hbm2ddl.auto=validate} runs: each a query returning
     * one boolean that is true when the object exists as declared.
     *
     * @param context formats Hibernate's table names
     * @return the checks, empty when there is nothing to validate
     */
    public abstract List<CatalogCheck> catalogChecks(SqlStringGenerationContext context);

    /**
     * One validation query.
     *
     * @param description the object, for the message, for example {@code index doc_attrs_gin on
     *     document}
     * @param sql a query returning one boolean row, or, when {@code listing}, the names of what
     *     differs, one per row
     * @param params bind parameters of the query
     * @param listing whether the query lists what differs (the message then names it) instead of
     *     returning whether all is as declared
     */
    public record CatalogCheck(
            String description, String sql, List<Object> params, boolean listing) {

        /** A check whose query returns one boolean row, true when the object is as declared. */
        public CatalogCheck(String description, String sql, List<Object> params) {
            this(description, sql, params, false);
        }

        /**
         * A check whose query returns the names of the objects that differ, in its first column
         * (none when all are as declared), for objects the mapping does not name one by one: the
         * partitions {@code PgPartitions} created, for example.
         */
        public static CatalogCheck listing(String description, String sql, List<Object> params) {
            return new CatalogCheck(description, sql, params, true);
        }
    }
}
