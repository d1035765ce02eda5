package dev.pgorm.bulk.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.postgresql.util.PGobject;

/** Turns JDBC values into COPY's text format, the values taken from {@link CopyValues}. */
final class CopyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CopyValues values;

    CopyText(CopyValues values) {
        this.values = values;
    }

    /**
     * Appends the COPY text of a value.
     *
     * @throws IllegalArgumentException when the value cannot be written as COPY text
     */
    void append(StringBuilder out, Object value, JdbcMapping mapping) throws SQLException {
        Object v = values.resolve(value, mapping);
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof float[] vector) {
            // pgvector's text form; Hibernate binds vectors as SQL arrays cast in the statement.
            out.append('[');
            for (int i = 0; i < vector.length; i++) {
                out.append(i == 0 ? "" : ",").append(vector[i]);
            }
            out.append(']');
        } else if (!appendSimple(out, v)) {
            throw new IllegalArgumentException(
                    "cannot write a " + v.getClass().getName() + " value as COPY text");
        }
    }

    private boolean appendSimple(StringBuilder out, Object value) throws SQLException {
        if (value instanceof String s) {
            escape(out, s);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            // a Float as the double it becomes, as Hibernate and binary COPY write it into double
            // precision; real reads the same float back from this text
            double d = ((Number) value).doubleValue();
            out.append(
                    Double.isNaN(d)
                            ? "NaN"
                            : Double.isInfinite(d)
                                    ? (d > 0 ? "Infinity" : "-Infinity")
                                    : Double.toString(d));
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof LocalDate d) {
            CopyTimes.appendDate(out, d);
        } else if (value instanceof LocalDateTime t) {
            CopyTimes.appendDateTime(out, t);
        } else if (value instanceof OffsetDateTime t) {
            CopyTimes.appendDateTime(out, t);
        } else if (value instanceof Instant i) {
            CopyTimes.appendDateTime(out, i.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Timestamp ts) {
            CopyTimes.appendDateTime(out, ts.toLocalDateTime());
        } else if (value instanceof Date d) {
            CopyTimes.appendDate(out, d.toLocalDate());
        } else if (value instanceof Time t) {
            out.append(CopyTimes.localTime(t));
        } else if (value instanceof LocalTime
                || value instanceof OffsetTime
                || value instanceof UUID) {
            out.append(value);
        } else if (value instanceof PGobject pg) {
            if (pg.getValue() == null) {
                out.append("\\N");
            } else {
                escape(out, pg.getValue());
            }
        } else if (value instanceof byte[] bytes) {
            out.append("\\\\x");
            for (byte b : bytes) {
                out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        } else if (value instanceof Array array) {
            escape(out, array.toString());
        } else if (value instanceof Character c) {
            escape(out, c.toString());
        } else {
            return false;
        }
        return true;
    }

    /** Escapes text for COPY's text format; NUL cannot be stored in PostgreSQL text. */
    static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> throw new NulCharacterException();
                default -> out.append(c);
            }
        }
    }

    /** A NUL character, which PostgreSQL text cannot hold. */
    static final class NulCharacterException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NulCharacterException() {
            super("the text contains a NUL character (\\0), which PostgreSQL cannot store in text");
        }
    }
}
