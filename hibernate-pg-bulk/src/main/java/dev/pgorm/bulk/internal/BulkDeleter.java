package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * {@link dev.pgorm.bulk.PgBulk#delete}: {@code DELETE ... WHERE id = ANY(?)}, one statement per
 * {@value #CHUNK} identifiers, the array bound as text and cast to the column's type, so that the
 * primary key's index is used.
 */
public final class BulkDeleter {

    /** Identifiers per statement: one array parameter, small enough to build and send at once. */
    static final int CHUNK = 10_000;

    private static final String COLUMN_TYPE =
            """
            select format_type(a.atttypid, a.atttypmod) from pg_attribute a
             where a.attrelid = ?::regclass and a.attname = ? and a.attnum > 0
               and not a.attisdropped""";

    private static final String DELETE =
            """
            with deleted as (
              delete from %s where %s = any(cast(? as %s[])) returning 1)
            select count(*) from deleted""";

    private BulkDeleter() {}

    public static long delete(EntityManager em, Class<?> entityClass, Iterable<?> ids) {
        SharedSessionContractImplementor session = BulkCall.session(em, "PgBulk.delete");
        em.flush();
        EntityPersister persister =
                session.getFactory().getMappingMetamodel().getEntityDescriptor(entityClass);
        BulkTable table = new BulkTable(persister);
        if (persister.getIdentifierMapping().getJdbcTypeCount() != 1) {
            throw new UnsupportedOperationException(
                    "PgBulk.delete needs a single-column identifier; "
                            + entityClass.getName()
                            + " has a composite one");
        }
        String column = persister.getIdentifierMapping().getSelectable(0).getSelectionExpression();
        JdbcMapping mapping = persister.getIdentifierMapping().getSelectable(0).getJdbcMapping();
        Class<?> idType = persister.getIdentifierMapping().getJavaType().getJavaTypeClass();
        Connection connection = BulkCall.connection(session);
        try {
            String quotedTable =
                    PgIdentifiers.normalizeQualified(table.table()).stream()
                            .map(PgIdentifiers::quote)
                            .collect(Collectors.joining("."));
            String type =
                    PgCatalog.on(connection)
                            .value(
                                    COLUMN_TYPE,
                                    String.class,
                                    quotedTable,
                                    PgIdentifiers.normalize(column));
            String sql = DELETE.formatted(table.table(), column, type);
            long deleted = 0;
            List<String> chunk = new ArrayList<>(CHUNK);
            long position = 0;
            for (Object id : ids) {
                if (id == null || !isOfType(idType, id)) {
                    throw new IllegalArgumentException(
                            "PgBulk.delete of "
                                    + entityClass.getName()
                                    + ": id at position "
                                    + position
                                    + " is "
                                    + (id == null ? "null" : "a " + id.getClass().getName())
                                    + ", but the identifier is a "
                                    + idType.getName());
                }
                chunk.add(String.valueOf(mapping.convertToRelationalValue(id)));
                position++;
                if (chunk.size() == CHUNK) {
                    deleted += run(connection, sql, chunk);
                }
            }
            if (!chunk.isEmpty()) {
                deleted += run(connection, sql, chunk);
            }
            return deleted;
        } catch (SQLException e) {
            throw BulkUpserter.failure("PgBulk.delete", table, e);
        }
    }

    private static boolean isOfType(Class<?> idType, Object id) {
        if (idType.isPrimitive()) {
            return id instanceof Number;
        }
        return idType.isInstance(id);
    }

    private static long run(Connection connection, String sql, List<String> chunk)
            throws SQLException {
        PgCatalog catalog = PgCatalog.on(connection);
        long n = catalog.value(sql, Long.class, catalog.textArray(chunk));
        chunk.clear();
        return n;
    }
}
