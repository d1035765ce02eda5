package dev.pgorm.bulk.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Encoding;

/**
 * Reads a {@code COPY ... TO STDOUT} to its end whatever the sink does. pgjdbc's {@code
 * copyOut(sql, OutputStream)} answers a failing sink with a cancel request and leaves the rows
 * still in the socket, so the connection's next statement reads them; here a failed sink stops
 * receiving rows, the rest are read and discarded, and only then is its exception rethrown.
 */
final class CopyOutReader {

    /** Where each row goes: bytes as the server sends them, or decoded to characters. */
    interface Sink {
        void write(byte[] row) throws IOException;
    }

    private CopyOutReader() {}

    static Sink to(OutputStream out) {
        return out::write;
    }

    /** Decodes each row in the connection's encoding: a row is whole characters. */
    static Sink to(Writer out, BaseConnection connection) throws SQLException {
        Encoding encoding = connection.getEncoding();
        return row -> out.write(encoding.decode(row));
    }

    /** Runs the COPY and hands every row to the sink; returns the rows the server sent. */
    static long copy(BaseConnection connection, String copySql, Sink sink) throws SQLException {
        CopyOut copyOut = new CopyManager(connection).copyOut(copySql);
        Throwable failed = null;
        long written = 0;
        byte[] row;
        try {
            // One row at a time, as the server sends them: nothing is held beyond one row.
            while ((row = copyOut.readFromCopy()) != null) {
                if (failed != null) {
                    continue; // the sink failed: read the rest, the connection stays in step
                }
                try {
                    sink.write(row);
                    written++;
                } catch (Throwable e) { // an Error too: the COPY must still be read to its end
                    failed = e;
                }
            }
        } catch (SQLException e) {
            if (failed != null) {
                e.addSuppressed(failed);
            }
            throw e;
        } finally {
            if (copyOut.isActive()) {
                // only when reading itself failed: pgjdbc holds the connection while COPY is open
                cancelQuietly(copyOut);
            }
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            String message =
                    "PgBulk.export: the output failed after "
                            + written
                            + " rows ("
                            + failed
                            + "); the rest of the rows were read from the server and discarded,"
                            + " so the connection and its transaction remain usable";
            if (failed instanceof IOException io) {
                throw new UncheckedIOException(message, io);
            }
            throw new IllegalStateException(message, failed);
        }
        return copyOut.getHandledRowCount();
    }

    private static void cancelQuietly(CopyOut copyOut) {
        try {
            copyOut.cancelCopy();
        } catch (SQLException e) {
            // the failure being thrown says more
        }
    }
}
