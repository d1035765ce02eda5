package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgCopyFormat;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * {@link dev.pgorm.bulk.PgBulk#export} and {@link dev.pgorm.bulk.PgBulk#stream}: reading many rows
 * without holding them, through {@code COPY ... TO STDOUT} or a cursor.
 */
public final class BulkReader {

    /** Rows per round trip of a streamed query. */
    static final int FETCH_SIZE = 1_000;

    private BulkReader() {}

    public static long export(EntityManager em, String hql, OutputStream out, PgCopyFormat format) {
        return export(em, hql, format, (copyManager, copy) -> copyManager.copyOut(copy, out));
    }

    /** Writes the rows as characters; the binary format has none, so it is refused. */
    public static long export(EntityManager em, String hql, Writer out, PgCopyFormat format) {
        if (format == PgCopyFormat.BINARY) {
            throw new IllegalArgumentException(
                    "PgBulk.export to a Writer takes a text format (CSV or TEXT); PostgreSQL's"
                            + " binary format is bytes: export it to an OutputStream");
        }
        return export(em, hql, format, (copyManager, copy) -> copyManager.copyOut(copy, out));
    }

    /** One way of reading {@code COPY ... TO STDOUT}: into a stream or a writer. */
    private interface CopyOut {
        long copy(CopyManager copyManager, String sql) throws SQLException, IOException;
    }

    private static long export(EntityManager em, String hql, PgCopyFormat format, CopyOut out) {
        Objects.requireNonNull(format, "format");
        SharedSessionContractImplementor session = BulkCall.session(em, "PgBulk.export");
        em.flush();
        String sql = sqlOf(em.unwrap(Session.class), BulkCall.connection(session), hql);
        String copy = "copy (" + sql + ") to stdout " + format.copyOptions();
        try {
            CopyManager copyManager =
                    new CopyManager(BulkCall.connection(session).unwrap(BaseConnection.class));
            // pgjdbc hands each row on as it arrives: nothing is held beyond one row.
            return out.copy(copyManager, copy);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PgBulk.export of \"" + hql + "\" failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("PgBulk.export could not write its output", e);
        }
    }

    /**
     * The SQL Hibernate generates for a selection: the query runs in a session of its own on the
     * same connection (a session sharing the parent's would use the parent's inspector), with a
     * statement inspector that records the SQL and runs it as {@code select * from (sql) where
     * false}, so no row is read.
     */
    static String sqlOf(Session session, Connection connection, String hql) {
        String[] recorded = new String[1];
        UnaryOperator<String> inspector =
                sql -> {
                    recorded[0] = sql;
                    return "select * from (" + sql + ") pgorm_probe where false";
                };
        try (Session probe =
                session.getSessionFactory()
                        .withOptions()
                        .connection(connection)
                        .statementInspector(inspector)
                        .openSession()) {
            SelectionQuery<?> query = probe.createSelectionQuery(hql, Object[].class);
            if (query.getParameterMetadata().getParameterCount() > 0) {
                throw new IllegalArgumentException(
                        "PgBulk.export takes a query without parameters (COPY cannot bind them);"
                                + " write the values as literals: "
                                + hql);
            }
            query.getResultList();
        }
        if (recorded[0] == null) {
            throw new IllegalStateException("Hibernate ran no SQL for \"" + hql + "\"");
        }
        return recorded[0];
    }

    public static <T> Stream<T> stream(EntityManager em, Class<T> type, String hql) {
        BulkCall.session(em, "PgBulk.stream");
        em.getMetamodel().entity(type); // an entity class, or IllegalArgumentException
        Session session = em.unwrap(Session.class);
        em.flush();
        Stream<T> rows =
                session.createSelectionQuery(hql, type)
                        .setFetchSize(FETCH_SIZE)
                        .setReadOnly(true)
                        .setCacheMode(CacheMode.IGNORE)
                        .getResultStream();
        // Each entity leaves the persistence context once handed out, so memory stays flat.
        return rows.map(
                entity -> {
                    session.detach(entity);
                    return entity;
                });
    }
}
