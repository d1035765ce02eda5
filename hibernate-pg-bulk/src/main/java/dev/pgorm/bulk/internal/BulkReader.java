package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgCopyFormat;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.stream.Stream;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
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
        Objects.requireNonNull(out, "out");
        return export(em, hql, format, connection -> CopyOutReader.to(out));
    }

    /** Writes the rows as characters; the binary format has none, so it is refused. */
    public static long export(EntityManager em, String hql, Writer out, PgCopyFormat format) {
        Objects.requireNonNull(out, "out");
        if (format == PgCopyFormat.BINARY) {
            throw new IllegalArgumentException(
                    "PgBulk.export to a Writer takes a text format (CSV or TEXT); PostgreSQL's"
                            + " binary format is bytes: export it to an OutputStream");
        }
        return export(em, hql, format, connection -> CopyOutReader.to(out, connection));
    }

    /** Where the rows of one export go, made for its connection. */
    private interface SinkFactory {
        CopyOutReader.Sink sinkFor(BaseConnection connection) throws SQLException;
    }

    private static long export(EntityManager em, String hql, PgCopyFormat format, SinkFactory out) {
        Objects.requireNonNull(format, "format");
        SharedSessionContractImplementor session = BulkCall.session(em, "PgBulk.export");
        em.flush();
        Connection connection = BulkCall.connection(session);
        String sql = ExportSql.of(session, connection, hql);
        String copy = "copy (" + sql + ") to stdout " + format.copyOptions();
        try {
            BaseConnection pg = connection.unwrap(BaseConnection.class);
            return CopyOutReader.copy(pg, copy, out.sinkFor(pg));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PgBulk.export of \"" + hql + "\" failed: " + e.getMessage(), e);
        }
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
