package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgCopyFormat;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.postgresql.copy.CopyIn;

/** COPY's text format: tab-separated lines, accumulated as text and encoded once per block. */
final class TextRows implements CopyRows {

    private final CopyText text;
    private final StringBuilder lines = new StringBuilder(FLUSH_BYTES + 4096);

    TextRows(CopyValues values) {
        this.text = new CopyText(values);
    }

    @Override
    public PgCopyFormat format() {
        return PgCopyFormat.TEXT;
    }

    @Override
    public String copyOptions() {
        return "";
    }

    @Override
    public void begin() {
        lines.setLength(0);
    }

    @Override
    public void beginRow() {
        // columns are separated, not started
    }

    @Override
    public void value(int column, Object value, JdbcMapping mapping) throws SQLException {
        if (column > 0) {
            lines.append('\t');
        }
        text.append(lines, value, mapping);
    }

    @Override
    public void endRow(CopyIn copy) throws SQLException {
        lines.append('\n');
        if (lines.length() >= FLUSH_BYTES) {
            send(copy);
        }
    }

    @Override
    public void end(CopyIn copy) throws SQLException {
        if (lines.length() > 0) {
            send(copy);
        }
    }

    private void send(CopyIn copy) throws SQLException {
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        lines.setLength(0);
    }
}
