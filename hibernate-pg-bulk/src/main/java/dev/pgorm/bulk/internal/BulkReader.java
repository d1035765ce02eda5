package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgCopyFormat;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hibernate.CacheMode;
import org.hibernate.StatelessSession;
import org.hibernate.StatelessSessionBuilder;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
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
        SharedSessionContractImplementor session = BulkCall.session(em, "PgBulk.stream");
        em.getMetamodel().entity(type); // an entity class, or IllegalArgumentException
        em.flush();
        // A stateless session on the caller's connection and transaction: it keeps no entity
        // beyond the row being read (Hibernate clears its per-row context after each row), so the
        // caller's persistence context is neither grown nor touched.
        // Not a shared one: Hibernate 7.4 refuses a shared stateless session under a
        // MultiTenantConnectionProvider, and keeps each closed one among the caller's listeners.
        StatelessSessionBuilder builder =
                session.getFactory()
                        .withStatelessOptions()
                        .connection(BulkCall.connection(session));
        StatementInspector inspector = session.getJdbcSessionContext().getStatementInspector();
        if (inspector != null) {
            builder.statementInspector((UnaryOperator<String>) inspector::inspect);
        }
        Object tenant = session.getTenantIdentifierValue();
        if (tenant != null) {
            builder.tenantIdentifier(tenant);
        }
        StatelessSession reader = builder.openStatelessSession();
        try {
            SessionFilters.copy(session, (SharedSessionContractImplementor) reader);
            return reader.createSelectionQuery(hql, type)
                    .setFetchSize(FETCH_SIZE)
                    .setCacheMode(CacheMode.IGNORE)
                    .getResultStream()
                    .onClose(reader::close);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
