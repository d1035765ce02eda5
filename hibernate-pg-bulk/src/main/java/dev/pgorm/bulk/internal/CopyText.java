package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.java.JavaType;
import org.postgresql.util.PGobject;

/**
 * Turns JDBC values into COPY text: common types directly, everything else through Hibernate's own
 * binder, recorded on a stand-in statement, so that JSON, arrays, ranges, vectors and geometry are
 * written exactly as Hibernate would bind them.
 */
final class CopyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SharedSessionContractImplementor session;
    private final Connection connection;
    private final Object[] recorded = new Object[1];
    private final JsonWriters json;
    private final PreparedStatement recorder;

    /**
     * Whether Hibernate binds timestamps in {@code hibernate.jdbc.time_zone}: then local date-times
     * go through its binder, which shifts them to that zone.
     */
    private final boolean zoned;

    CopyText(SharedSessionContractImplementor session, Connection connection) {
        this.session = session;
        this.connection = connection;
        this.zoned = session.getJdbcTimeZone() != null;
        this.json =
                new JsonWriters(
                        session.getFactory().getSessionFactoryOptions().getJsonFormatMapper(),
                        session);
        this.recorder =
                JdbcProxies.standIn(
                        PreparedStatement.class,
                        "PgBulk's value recorder",
                        call -> {
                            if (call.name().equals("getConnection")) {
                                return connection;
                            }
                            Object[] args = call.args();
                            if (call.name().startsWith("set")
                                    && args.length >= 2
                                    && call.method().getParameterTypes()[0] == int.class) {
                                recorded[0] =
                                        call.name().equals("setNull")
                                                ? null
                                                : inCalendarZone(args[1], args);
                                return null;
                            }
                            // UnsupportedOperationException naming the method
                            return call.proceed();
                        });
    }

    /**
     * A timestamp bound with a calendar (Hibernate does so with {@code hibernate.jdbc.time_zone})
     * is written by pgjdbc as its wall time in the calendar's zone; so is it here.
     */
    private static Object inCalendarZone(Object value, Object[] args) {
        if (value instanceof Timestamp ts
                && args.length == 3
                && args[2] instanceof Calendar calendar) {
            return ts.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDateTime();
        }
        return value;
    }

    /**
     * Lets pgjdbc look up the array types of array columns now, while the connection is free: a
     * type lookup needs a query, and a query during COPY would block forever. Binding an empty
     * array through Hibernate's binder makes pgjdbc resolve and cache the type.
     */
    void resolveArrayTypes(List<BulkTable.Column> columns) {
        for (BulkTable.Column column : columns) {
            JdbcMapping mapping = column.mapping();
            if (mapping.getJdbcType().getDefaultSqlTypeCode() != Types.ARRAY) {
                continue;
            }
            Object empty = emptyValue(javaType(mapping).getJavaTypeClass());
            if (empty == null) {
                continue;
            }
            try {
                CopyText.binder(mapping).bind(recorder, empty, 1, session);
            } catch (SQLException | RuntimeException e) {
                // best effort: the value itself will be bound (and fail clearly) later
            }
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        }
        if (type.isAssignableFrom(ArrayList.class)) {
            return new ArrayList<>();
        }
        if (type.isAssignableFrom(LinkedHashSet.class)) {
            return new LinkedHashSet<>();
        }
        if (type.isAssignableFrom(TreeSet.class)) {
            return new TreeSet<>();
        }
        return null;
    }

    /**
     * Appends the COPY text of a value.
     *
     * @throws IllegalArgumentException when the value cannot be written as COPY text
     */
    void append(StringBuilder out, Object value, JdbcMapping mapping) throws SQLException {
        if (value == null) {
            out.append("\\N");
            return;
        }
        if (value instanceof float[] vector && isVector(mapping)) {
            // pgvector's text form; Hibernate binds vectors as SQL arrays cast in the statement.
            out.append('[');
            for (int i = 0; i < vector.length; i++) {
                out.append(i == 0 ? "" : ",").append(vector[i]);
            }
            out.append(']');
            return;
        }
        if (mapping.getJdbcType().isJson() && !(value instanceof String)) {
            escape(out, json.write(value, javaType(mapping)));
            return;
        }
        if (zoned
                        && value instanceof LocalDateTime t
                        && !t.equals(LocalDateTime.MAX)
                        && !t.equals(LocalDateTime.MIN)
                || !appendSimple(out, value)) {
            recorded[0] = null;
            CopyText.binder(mapping).bind(recorder, value, 1, session);
            Object bound = recorded[0];
            if (bound == null) {
                out.append("\\N");
            } else if (!appendSimple(out, bound)) {
                throw new IllegalArgumentException(
                        "cannot write a " + bound.getClass().getName() + " value as COPY text");
            }
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
            double d = ((Number) value).doubleValue();
            out.append(
                    Double.isNaN(d)
                            ? "NaN"
                            : Double.isInfinite(d)
                                    ? (d > 0 ? "Infinity" : "-Infinity")
                                    : value.toString());
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof LocalDate d) {
            out.append(
                    d.equals(LocalDate.MAX)
                            ? "infinity"
                            : d.equals(LocalDate.MIN) ? "-infinity" : d.toString());
        } else if (value instanceof LocalDateTime t) {
            out.append(
                    t.equals(LocalDateTime.MAX)
                            ? "infinity"
                            : t.equals(LocalDateTime.MIN) ? "-infinity" : t.toString());
        } else if (value instanceof Timestamp ts) {
            out.append(ts.toLocalDateTime());
        } else if (value instanceof OffsetDateTime
                || value instanceof Instant
                || value instanceof LocalTime
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

    private static boolean isVector(JdbcMapping mapping) {
        int code = mapping.getJdbcType().getDdlTypeCode();
        return code == SqlTypes.VECTOR
                || code == SqlTypes.VECTOR_FLOAT32
                || code == SqlTypes.VECTOR_FLOAT16
                || code == SqlTypes.VECTOR_FLOAT64;
    }

    @SuppressWarnings("unchecked")
    private static JavaType<Object> javaType(JdbcMapping mapping) {
        return (JavaType<Object>) mapping.getJdbcJavaType();
    }

    /** Returns the mapping's binder, typed for any value. */
    @SuppressWarnings("unchecked")
    static ValueBinder<Object> binder(JdbcMapping mapping) {
        return (ValueBinder<Object>) mapping.getJdbcValueBinder();
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
