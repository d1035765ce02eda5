package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgCopyFormat;
import java.lang.reflect.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.BasicPluralType;
import org.postgresql.copy.CopyIn;

/**
 * COPY's binary format: a 19-byte header, per row an int16 field count and per field an int32
 * length ({@code -1} for NULL) and the bytes of the type's binary receive format, an int16 {@code
 * -1} trailer. Each column has its encoder, chosen from its type in the catalog.
 */
final class BinaryRows implements CopyRows {

    /** "PGCOPY\n\377\r\n\0", int32 flags (none), int32 header extension length (none). */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    private final CopyValues values;
    private final BinaryEncoder[] encoders;
    private final boolean[] arrays;
    private final CopyBuffer buffer = new CopyBuffer(FLUSH_BYTES + 4096);

    /**
     * @param encoders each column's encoder
     * @param arrays which columns are arrays in the catalog (a vector is not)
     */
    BinaryRows(CopyValues values, BinaryEncoder[] encoders, boolean[] arrays) {
        this.values = values;
        this.encoders = encoders;
        this.arrays = arrays;
    }

    @Override
    public PgCopyFormat format() {
        return PgCopyFormat.BINARY;
    }

    @Override
    public String copyOptions() {
        return " (format binary)";
    }

    @Override
    public void begin() {
        buffer.clear();
        buffer.writeBytes(HEADER);
    }

    @Override
    public void beginRow() {
        buffer.writeShort(encoders.length);
    }

    @Override
    public void value(int column, Object value, JdbcMapping mapping) throws SQLException {
        if (CopyValues.isJsonValue(value, mapping) && writeJson(column, value, mapping)) {
            return;
        }
        Object v =
                arrays[column]
                                && mapping instanceof BasicPluralType<?, ?> plural
                                && isJavaArray(value)
                        ? elements(value, plural.getElementType())
                        : values.resolve(value, mapping);
        if (v == null) {
            buffer.writeInt(-1);
        } else {
            encoders[column].write(buffer, v);
        }
    }

    /**
     * Writes a JSON attribute's value as a field straight from Jackson's UTF-8 generator into the
     * buffer; false, with nothing written, when the column's type is not json, jsonb or text or the
     * text path must write it.
     */
    private boolean writeJson(int column, Object value, JdbcMapping mapping) {
        Integer prefix = BinaryScalars.jsonPrefix(encoders[column]);
        if (prefix == null) {
            return false;
        }
        int at = buffer.startField();
        if (prefix >= 0) {
            buffer.writeByte(prefix);
        }
        if (values.writeJsonUtf8(buffer, value, mapping)) {
            buffer.endField(at);
            return true;
        }
        buffer.truncate(at);
        return false;
    }

    private static boolean isJavaArray(Object value) {
        return value instanceof Collection<?>
                || value != null && value.getClass().isArray() && !(value instanceof byte[]);
    }

    /**
     * The elements of an array attribute, each resolved as its element type's value: what
     * Hibernate's array binder binds, without building a JDBC array.
     */
    private List<Object> elements(Object value, JdbcMapping element) throws SQLException {
        List<Object> list = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object e : c) {
                list.add(values.resolve(e, element));
            }
        } else {
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                list.add(values.resolve(Array.get(value, i), element));
            }
        }
        return list;
    }

    @Override
    public void endRow(CopyIn copy) throws SQLException {
        if (buffer.size() >= FLUSH_BYTES) {
            send(copy);
        }
    }

    @Override
    public void end(CopyIn copy) throws SQLException {
        buffer.writeShort(-1);
        send(copy);
    }

    private void send(CopyIn copy) throws SQLException {
        copy.writeToCopy(buffer.bytes(), 0, buffer.size());
        buffer.clear();
    }
}
