package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
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
 * The values COPY writes, in either format: a row's JDBC values as they are when they are plain
 * (numbers, text, dates ...), otherwise what Hibernate's own binder binds for them, recorded on a
 * stand-in statement, so that JSON, arrays, ranges, vectors and geometry are written exactly as
 * Hibernate would bind them.
 */
final class CopyValues {

    private final SharedSessionContractImplementor session;
    private final Connection connection;
    private final Object[] recorded = new Object[1];
    private final JsonWriters json;
    private final PreparedStatement recorder;

    /**
     * Whether Hibernate binds timestamps and times in {@code hibernate.jdbc.time_zone}: then local
     * date-times, timestamps and local times go through its binder, which shifts them to that zone.
     */
    private final boolean zoned;

    CopyValues(SharedSessionContractImplementor session, Connection connection) {
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

    /** Gives back what the call's JSON writers hold. */
    void close() {
        json.close();
    }

    /**
     * A timestamp or time bound with a calendar (Hibernate does so with {@code
     * hibernate.jdbc.time_zone}) is written by pgjdbc as its wall time in the calendar's zone with
     * that zone's offset; so is it here: the offset tells a timestamptz column the instant.
     */
    private static Object inCalendarZone(Object value, Object[] args) {
        if (args.length == 3 && args[2] instanceof Calendar calendar) {
            if (value instanceof Timestamp ts) {
                return ts.toInstant().atZone(calendar.getTimeZone().toZoneId()).toOffsetDateTime();
            }
            if (value instanceof Time time) {
                return Instant.ofEpochMilli(time.getTime())
                        .atZone(calendar.getTimeZone().toZoneId())
                        .toOffsetDateTime()
                        .toOffsetTime();
            }
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
                binder(mapping).bind(recorder, empty, 1, session);
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
     * Returns the value COPY writes for a JDBC value, in both formats: the value itself when it is
     * a plain one, a vector's {@code float[]}, JSON as text, or else what Hibernate's binder binds
     * for it (recorded on a stand-in statement); null for SQL NULL.
     */
    Object resolve(Object value, JdbcMapping mapping) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof float[] && isVector(mapping)) {
            return value;
        }
        if (isJsonValue(value, mapping)) {
            return json.write(value, javaType(mapping));
        }
        if (isSimple(value, mapping)) {
            return value instanceof PGobject pg && pg.getValue() == null ? null : value;
        }
        Object utc = inUtc(value, mapping);
        if (utc != null) {
            return utc;
        }
        recorded[0] = null;
        binder(mapping).bind(recorder, value, 1, session);
        Object bound = recorded[0];
        return bound instanceof PGobject pg && pg.getValue() == null ? null : bound;
    }

    /**
     * Writes a JSON attribute's value into {@code out} as UTF-8 (see {@link
     * JsonWriters#writeUtf8}); false, with {@code out} as it was, when the text path must write it.
     */
    boolean writeJsonUtf8(CopyBuffer out, Object value, JdbcMapping mapping) {
        return json.writeUtf8(out, value, javaType(mapping));
    }

    /**
     * Whether the value is a JSON attribute's Java value, which {@link #resolve} writes as text.
     */
    static boolean isJsonValue(Object value, JdbcMapping mapping) {
        return value != null && !(value instanceof String) && mapping.getJdbcType().isJson();
    }

    /**
     * Whether COPY writes the value as it is: the types both formats write directly, and dates,
     * times and bytes whose JDBC type stores them unchanged; Hibernate's binder converts the others
     * (to UTC, to the JVM's zone, to {@code hibernate.jdbc.time_zone}, to a bit string).
     */
    private boolean isSimple(Object value, JdbcMapping mapping) {
        if (value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger
                || value instanceof BigDecimal
                || value instanceof Double
                || value instanceof Float
                || value instanceof Boolean
                || value instanceof UUID
                || value instanceof PGobject
                || value instanceof Array
                || value instanceof Character) {
            return true;
        }
        int code = mapping.getJdbcType().getDefaultSqlTypeCode();
        if (value instanceof byte[]) {
            return SqlTypes.isBinaryType(code) || code == SqlTypes.LONG32VARBINARY;
        }
        return isUnchangedTemporal(value, code);
    }

    /**
     * An offset date-time or time of a UTC JDBC type at UTC, as Hibernate's binder binds it,
     * without a call to the binder per value; null for any other value.
     */
    private static Object inUtc(Object value, JdbcMapping mapping) {
        int code = mapping.getJdbcType().getDefaultSqlTypeCode();
        if (value instanceof OffsetDateTime t && code == SqlTypes.TIMESTAMP_UTC) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return null;
    }

    /** Whether Hibernate's binder would bind the date or time as it is for a JDBC type code. */
    private boolean isUnchangedTemporal(Object value, int code) {
        if (value instanceof LocalDate) {
            return code == SqlTypes.DATE;
        }
        if (value instanceof LocalDateTime t) {
            // infinity stays infinity; the binder would shift it
            return (code == SqlTypes.TIMESTAMP && !zoned)
                    || t.equals(LocalDateTime.MAX)
                    || t.equals(LocalDateTime.MIN);
        }
        if (value instanceof Timestamp) {
            return code == SqlTypes.TIMESTAMP && !zoned;
        }
        if (value instanceof LocalTime) {
            return code == SqlTypes.TIME && !zoned;
        }
        if (value instanceof OffsetDateTime t) {
            return code == SqlTypes.TIMESTAMP_WITH_TIMEZONE
                    || (code == SqlTypes.TIMESTAMP_UTC && t.getOffset().getTotalSeconds() == 0);
        }
        if (value instanceof Instant) {
            return code == SqlTypes.TIMESTAMP_UTC || code == SqlTypes.TIMESTAMP_WITH_TIMEZONE;
        }
        if (value instanceof OffsetTime t) {
            return code == SqlTypes.TIME_WITH_TIMEZONE
                    || (code == SqlTypes.TIME_UTC && t.getOffset().getTotalSeconds() == 0);
        }
        return false;
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

    /**
     * Returns the elements of a JDBC array as a Java array, or the value itself when it is not a
     * JDBC array.
     */
    static Object elementsOfJdbcArray(Object value) throws SQLException {
        return value instanceof Array array ? array.getArray() : value;
    }

    /** Returns the mapping's binder, typed for any value. */
    @SuppressWarnings("unchecked")
    static ValueBinder<Object> binder(JdbcMapping mapping) {
        return (ValueBinder<Object>) mapping.getJdbcValueBinder();
    }
}
