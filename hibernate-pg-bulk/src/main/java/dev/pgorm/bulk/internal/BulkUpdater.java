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
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;

/**
 * {@link dev.pgorm.bulk.PgBulk#update}: the rows go into a temporary table, then one {@code UPDATE
 * ... FROM} it, which applies nothing when a row is missing or has another version.
 */
public final class BulkUpdater {

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
                        opened.operation());
        Connection connection = call.connection();
        String stale;
        long updated;
        try {
            String temp = TempTable.create(connection, table.table());
            call.load(temp, call.copyPossible(), false);
            String sql = BulkSql.update(table, columns, temp, columns.settable(List.of()));
            Object[] result =
                    PgCatalog.on(connection)
                            .optional(sql, row -> new Object[] {row.getString(1), row.getLong(2)})
                            .orElseThrow();
            stale = (String) result[0];
            updated = (Long) result[1];
            TempTable.drop(connection, temp);
        } catch (SQLException e) {
            throw BulkUpserter.failure("PgBulk.update", table, e);
        }
        if (stale != null) {
            throw new PgBulkException(
                    -1,
                    columns.ids().size() == 1 ? columns.ids().get(0) : null,
                    "PgBulk.update of "
                            + table.entityClass().getName()
                            + ": the row with id "
                            + stale
                            + (columns.version() == null
                                    ? " does not exist"
                                    : " does not exist or has another version (changed since"
                                            + " it was read)")
                            + "; no row was updated. Reload the entities and retry",
                    null);
        }
        if (versioned != null) {
            int v = persister.getVersionPropertyIndex();
            for (Object entity : versioned) {
                persister.setValue(entity, v, next(persister.getValue(entity, v)));
            }
        }
        return updated;
    }

    /** Refuses an entity of another class or without an identifier, naming its position. */
    private static Object checked(
            BulkTable table,
            Object entity,
            long row,
            SharedSessionContractImplementor session,
            List<Object> versioned) {
        BulkInserter.checkClass("PgBulk.update", table, entity, row);
        if (table.persister.getIdentifier(entity, session) == null) {
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
