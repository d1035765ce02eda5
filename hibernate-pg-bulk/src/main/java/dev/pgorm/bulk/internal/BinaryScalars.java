package dev.pgorm.bulk.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * The binary COPY encoders of integers, floats, booleans, text, uuid, bytea, json, jsonb and
 * pgvector's {@code vector}.
 */
final class BinaryScalars {

    private BinaryScalars() {}

    /** jsonb's binary format version, the byte before the text. */
    static final int JSONB_VERSION = 1;

    static final BinaryEncoder INT2 =
            (out, value) -> {
                out.writeInt(2);
                out.writeShort((int) integer(value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint"));
            };

    static final BinaryEncoder INT4 =
            (out, value) -> {
                out.writeInt(4);
                out.writeInt((int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"));
            };

    static final BinaryEncoder INT8 =
            (out, value) -> {
                out.writeInt(8);
                out.writeLong(integer(value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"));
            };

    static final BinaryEncoder FLOAT4 =
            (out, value) -> {
                if (!(value instanceof Number n)) {
                    throw BinaryEncoder.cannot(value, "real");
                }
                float f = n.floatValue();
                // real holds less than double: a value it cannot hold fails, as in text COPY
                if (isOutOfRange(n, f)) {
                    throw new IllegalArgumentException("real out of range: " + value);
                }
                out.writeInt(4);
                out.writeInt(Float.floatToIntBits(f));
            };

    static final BinaryEncoder FLOAT8 =
            (out, value) -> {
                if (!(value instanceof Number n)) {
                    throw BinaryEncoder.cannot(value, "double precision");
                }
                double d = n.doubleValue();
                // a BigDecimal or BigInteger beyond double fails, as in text COPY and persist
                if (isOutOfRange(n, d)) {
                    throw new IllegalArgumentException("double precision out of range: " + value);
                }
                out.writeInt(8);
                out.writeLong(Double.doubleToLongBits(d));
            };

    static final BinaryEncoder BOOL =
            (out, value) -> {
                if (!(value instanceof Boolean b)) {
                    throw BinaryEncoder.cannot(value, "boolean");
                }
                out.writeInt(1);
                out.writeByte(b ? 1 : 0);
            };

    static final BinaryEncoder UUID_ =
            (out, value) -> {
                UUID uuid;
                if (value instanceof UUID u) {
                    uuid = u;
                } else if (value instanceof String s) {
                    uuid = UUID.fromString(s);
                } else {
                    throw BinaryEncoder.cannot(value, "uuid");
                }
                out.writeInt(16);
                out.writeLong(uuid.getMostSignificantBits());
                out.writeLong(uuid.getLeastSignificantBits());
            };

    static final BinaryEncoder BYTEA =
            (out, value) -> {
                if (!(value instanceof byte[] bytes)) {
                    throw BinaryEncoder.cannot(value, "bytea");
                }
                out.writeInt(bytes.length);
                out.writeBytes(bytes);
            };

    /** text, varchar, bpchar and enum types: their receive functions read UTF-8 text. */
    static final BinaryEncoder TEXT = (out, value) -> text(out, value, "text", -1);

    static final BinaryEncoder JSON = (out, value) -> text(out, value, "json", -1);

    /** jsonb: a version byte ({@value #JSONB_VERSION}), then the JSON text. */
    static final BinaryEncoder JSONB = (out, value) -> text(out, value, "jsonb", JSONB_VERSION);

    /**
     * Returns what comes before a JSON text in a field of the encoder's type: the jsonb version
     * byte, nothing (-1) for json and text, or null for an encoder of another type.
     */
    static Integer jsonPrefix(BinaryEncoder encoder) {
        if (encoder == JSONB) {
            return JSONB_VERSION;
        }
        return encoder == JSON || encoder == TEXT ? -1 : null;
    }

    /** pgvector: int16 dimensions, int16 unused, then float4s. */
    static final BinaryEncoder VECTOR =
            (out, value) -> {
                float[] vector;
                if (value instanceof float[] f) {
                    vector = f;
                } else if (textOf(value) != null) {
                    vector = parseVector(textOf(value));
                } else {
                    throw BinaryEncoder.cannot(value, "vector");
                }
                out.writeInt(4 + 4 * vector.length);
                out.writeShort(vector.length);
                out.writeShort(0);
                for (float f : vector) {
                    out.writeInt(Float.floatToIntBits(f));
                }
            };

    /**
     * Whether a number became infinite or zero in the floating-point type that it was converted to
     * without being so: it is out of that type's range.
     */
    private static boolean isOutOfRange(Number n, double converted) {
        if (!Double.isInfinite(converted) && converted != 0d) {
            return false;
        }
        if (n instanceof BigDecimal d) {
            return Double.isInfinite(converted) || d.signum() != 0;
        }
        if (n instanceof BigInteger b) {
            return Double.isInfinite(converted) || b.signum() != 0;
        }
        double d = n.doubleValue();
        return Double.isInfinite(converted) ? !Double.isInfinite(d) : d != 0d;
    }

    private static long integer(Object value, long min, long max, String type) {
        long v;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            v = ((Number) value).longValue();
        } else if (value instanceof Byte b) {
            v = b;
        } else if (value instanceof BigInteger b && b.bitLength() < 64) {
            v = b.longValue();
        } else {
            throw BinaryEncoder.cannot(value, type);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(type + " out of range: " + value);
        }
        return v;
    }

    private static void text(CopyBuffer out, Object value, String type, int version) {
        String s = textOf(value);
        if (s == null) {
            throw BinaryEncoder.cannot(value, type);
        }
        int at = out.startField();
        if (version >= 0) {
            out.writeByte(version);
        }
        out.writeUtf8(s);
        out.endField(at);
    }

    /**
     * The text of a value as text COPY writes it into a text column: strings, characters,
     * PostgreSQL objects, and numbers, booleans, uuids and dates (a mapping may write one into a
     * text column); null for other values.
     */
    static String textOf(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof PGobject pg) {
            return pg.getValue();
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Character
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger
                || value instanceof UUID
                || value instanceof Temporal) {
            return value.toString();
        }
        return null;
    }

    private static float[] parseVector(String s) {
        String body = s.trim();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new IllegalArgumentException("not a vector: " + s);
        }
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i].trim());
        }
        return vector;
    }
}
