package dev.pgorm.types.internal;

import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A {@code vector} or {@code halfvec} value as pgjdbc sends and returns it: in binary when the
 * connection transfers the type in binary ({@link PgVectorConnections}), else as text. pgjdbc
 * creates it for result columns of these types once registered with {@code addDataType}; the text
 * form is only built when pgjdbc asks for it.
 */
public final class PgVectorObject extends PGobject implements PGBinaryObject {

    private static final long serialVersionUID = 1L;

    private float[] values;

    /** Creates an empty value; pgjdbc does this, then sets the type and the data. */
    public PgVectorObject() {}

    PgVectorObject(String type, float[] values) {
        this.type = type;
        this.values = values;
    }

    /** Returns the values (not a copy), or null for SQL null. */
    public float[] values() {
        return values;
    }

    private boolean half() {
        return "halfvec".equals(type);
    }

    @Override
    public void setValue(String value) throws SQLException {
        try {
            this.values = value == null ? null : VectorCodec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new PSQLException(e.getMessage(), PSQLState.DATA_TYPE_MISMATCH, e);
        }
        this.value = value;
    }

    @Override
    public String getValue() {
        if (value == null && values != null) {
            value = VectorCodec.format(values);
        }
        return value;
    }

    @Override
    public boolean isNull() {
        return values == null;
    }

    @Override
    public void setByteValue(byte[] bytes, int offset) throws SQLException {
        try {
            this.values = VectorCodec.decode(bytes, offset, half());
        } catch (IllegalArgumentException e) {
            throw new PSQLException(e.getMessage(), PSQLState.DATA_TYPE_MISMATCH, e);
        }
        this.value = null;
    }

    @Override
    public int lengthInBytes() {
        return VectorCodec.binaryLength(values.length, half());
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        VectorCodec.encode(values, half(), bytes, offset);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PgVectorObject other
                && String.valueOf(type).equals(String.valueOf(other.type))
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        PgVectorObject copy = (PgVectorObject) super.clone();
        copy.values = values == null ? null : values.clone();
        return copy;
    }

    @Override
    public String toString() {
        return String.valueOf(getValue());
    }
}
