package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.core.internal.PgCatalog;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;

/**
 * {@link dev.pgorm.bulk.PgBulk#update}: the rows go into a temporary table, then one {@code UPDATE
 * ... FROM} it, which applies nothing when a row is missing, has another version or is given twice.
 */
public final class BulkUpdater {

    private static final String SAVEPOINT = "pgorm_bulk_update";

    private BulkUpdater() {}

    public static long update(EntityManager em, Iterator<?> entities) {
        BulkCall opened = BulkCall.open(em, entities, "PgBulk.update", EventType.UPDATE);
        if (opened == null) {
            return 0;
        }
        BulkTable table = opened.table();
        EntityPersister persister = table.persister;
        BulkColumns columns = new BulkColumns(table, "PgBulk.update");
        SharedSessionContractImplementor session = opened.session();
        // Versioned entities are kept, to give them their new version once the update is done.
        List<Object> versioned = persister.isVersioned() ? new ArrayList<>() : null;
        long[] position = {0};
        ArrayDeque<Object> head = new ArrayDeque<>();
        for (Object entity : opened.head()) {
            head.add(checked(table, entity, position[0]++, session, versioned));
        }
        Iterator<?> rest = opened.rest();
        Iterator<Object> checkedRest =
                new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return rest.hasNext();
                    }

                    @Override
                    public Object next() {
                        return checked(table, rest.next(), position[0]++, session, versioned);
                    }
                };
        BulkCall call =
                new BulkCall(
                        session,
                        table,
                        opened.connection(),
                        head,
                        checkedRest,
                        opened.few(),
                        opened.copyOn(),
                        opened.operation(),
                        opened.inMemory());
        Connection connection = call.connection();
        long updated;
        try {
            String temp = TempTable.create(connection, table, columns.notSet());
            long loaded = call.load(temp, call.copyPossible(), false);
            updated =
                    applyAll(
                            connection,
                            table,
                            columns,
                            temp,
                            loaded,
                            TenantRestriction.of(persister, session).orElse(null));
            TempTable.drop(connection, temp);
        } catch (SQLException e) {
            throw BulkUpserter.failure("PgBulk.update", table, e, connection);
        }
        if (versioned != null) {
            int v = persister.getVersionPropertyIndex();
            for (Object entity : versioned) {
                persister.setValue(entity, v, next(persister.getValue(entity, v)));
            }
        }
        return updated;
    }

    /**
     * Updates the table from the loaded rows in one statement, inside a savepoint: when it changes
     * fewer rows than were loaded, a row is missing, has another version or is given twice, and the
     * savepoint undoes the statement before the call fails naming that row. Rows a trigger or an
     * UPDATE-only row security policy skipped are no failure for entities without a version: the
     * statement then runs again, and must change as many rows as the first time. pgjdbc's autosave
     * is off meanwhile ({@link Savepoints}).
     */
    private static long applyAll(
            Connection connection,
            BulkTable table,
            BulkColumns columns,
            String temp,
            long loaded,
            TenantRestriction tenant)
            throws SQLException {
        return Savepoints.withAutosaveOff(
                connection,
                SAVEPOINT,
                catalog -> applyInSavepoint(catalog, table, columns, temp, loaded, tenant));
    }

    private static long applyInSavepoint(
            PgCatalog catalog,
            BulkTable table,
            BulkColumns columns,
            String temp,
            long loaded,
            TenantRestriction tenant)
            throws SQLException {
        String tenantColumn = tenant == null ? null : tenant.column();
        Object[] params = tenant == null ? new Object[0] : new Object[] {tenant.value()};
        String update =
                BulkSql.update(table, columns, temp, columns.settable(List.of()), tenantColumn);
        catalog.execute("savepoint " + SAVEPOINT);
        long updated = catalog.update(update, params);
        if (updated == loaded) {
            catalog.execute("release savepoint " + SAVEPOINT);
            return updated;
        }
        catalog.execute("rollback to savepoint " + SAVEPOINT);
        Optional<String[]> stale =
                catalog.optional(
                        BulkSql.stale(table, columns, temp, tenantColumn),
                        row -> new String[] {row.getString(1), row.getString(2)},
                        params);
        if (stale.isPresent()) {
            catalog.execute("release savepoint " + SAVEPOINT);
            String why =
                    stale.get()[0].equals("twice")
                            ? " is given more than once"
                            : columns.version() == null
                                    ? " does not exist"
                                    : " does not exist or has another version (changed since it"
                                            + " was read)";
            throw failure(table, columns, "the row with id " + stale.get()[1] + why);
        }
        // every row matches: a trigger or a policy skipped some
        long again = columns.version() == null ? catalog.update(update, params) : -1;
        if (again != updated) {
            Savepoints.rollBackTo(catalog, SAVEPOINT);
            throw failure(
                    table,
                    columns,
                    columns.version() == null
                            ? "the rows changed while they were updated ("
                                    + updated
                                    + " rows, then "
                                    + again
                                    + ")"
                            : (loaded - updated)
                                    + " rows were skipped by a trigger or a row security policy,"
                                    + " so the versions of the entities cannot be kept");
        }
        catalog.execute("release savepoint " + SAVEPOINT);
        return again;
    }

    private static PgBulkException failure(BulkTable table, BulkColumns columns, String what) {
        return new PgBulkException(
                -1,
                columns.ids().size() == 1 ? columns.ids().get(0) : null,
                "PgBulk.update of "
                        + table.entityClass().getName()
                        + ": "
                        + what
                        + "; no row was updated. Reload the entities and retry",
                null);
    }

    /** Refuses an entity of another class or without an identifier, naming its position. */
    private static Object checked(
            BulkTable table,
            Object entity,
            long row,
            SharedSessionContractImplementor session,
            List<Object> versioned) {
        BulkInserter.checkClass("PgBulk.update", table, entity, row);
        Object id = table.persister.getIdentifier(entity, session);
        // a primitive id's 0 (or another unsaved value) would be given a new identifier
        if (id == null
                || Boolean.TRUE.equals(
                        table.persister
                                .getIdentifierMapping()
                                .getUnsavedStrategy()
                                .isUnsaved(id))) {
            throw new PgBulkException(
                    row,
                    null,
                    "row "
                            + row
                            + " has no identifier, but PgBulk.update updates existing rows by id"
                            + " (use PgBulk.upsert to insert new ones)",
                    null);
        }
        if (versioned != null) {
            versioned.add(entity);
        }
        return entity;
    }

    private static Object next(Object version) {
        if (version instanceof Integer i) {
            return i + 1;
        }
        if (version instanceof Long l) {
            return l + 1;
        }
        return (short) ((Short) version + 1);
    }
}
