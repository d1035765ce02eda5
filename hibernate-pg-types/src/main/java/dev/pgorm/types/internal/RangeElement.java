package dev.pgorm.types.internal;

// Longer than 300 lines: one constant per supported element type (int4 ... tstzrange), each with
// its literal format and discrete step side by side, so that adding an element type is one edit in
// one place.

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * What a range needs to know about its element type: the PostgreSQL range and multirange type
 * names, how bounds are written and read in PostgreSQL's text format, and, for discrete types, the
 * next value (for the canonical {@code [lower, upper)} form).
 */
public abstract class RangeElement<T extends Comparable<? super T>> {

    private static final DateTimeFormatter TIMESTAMP_OUT =
            new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .appendLiteral(' ')
                    .appendPattern("HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter TIMESTAMP_IN =
            new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart()
                    .optionalStart()
                    .appendLiteral(' ')
                    .optionalEnd()
                    .optionalStart()
                    .appendLiteral('T')
                    .optionalEnd()
                    .appendPattern("HH:mm")
                    .optionalStart()
                    .appendPattern(":ss")
                    .optionalEnd()
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .optionalEnd()
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                    .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter TIMESTAMPTZ_IN =
            new DateTimeFormatterBuilder()
                    .append(TIMESTAMP_IN)
                    .optionalStart()
                    .appendOffset("+HH:mm:ss", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH:mm", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH", "Z")
                    .optionalEnd()
                    .toFormatter(Locale.ROOT);

    public static final RangeElement<Integer> INT4 =
            new RangeElement<>(Integer.class, "int4range", "int4multirange") {
                @Override
                protected Integer parseValue(String text) {
                    return Integer.valueOf(text);
                }

                @Override
                public Integer next(Integer value) {
                    return Math.addExact(value, 1);
                }
            };

    public static final RangeElement<Long> INT8 =
            new RangeElement<>(Long.class, "int8range", "int8multirange") {
                @Override
                protected Long parseValue(String text) {
                    return Long.valueOf(text);
                }

                @Override
                public Long next(Long value) {
                    return Math.addExact(value, 1L);
                }
            };

    public static final RangeElement<BigDecimal> NUMERIC =
            new RangeElement<>(BigDecimal.class, "numrange", "nummultirange") {
                @Override
                protected BigDecimal parseValue(String text) {
                    if (text.equalsIgnoreCase("infinity")
                            || text.equalsIgnoreCase("-infinity")
                            || text.equalsIgnoreCase("nan")) {
                        throw new IllegalArgumentException(
                                "numrange bound '"
                                        + text
                                        + "' cannot be represented as a BigDecimal");
                    }
                    return new BigDecimal(text);
                }

                @Override
                protected String formatValue(BigDecimal value) {
                    return value.toPlainString();
                }

                @Override
                public int hash(BigDecimal value) {
                    return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
                }
            };

    public static final RangeElement<LocalDate> DATE =
            new RangeElement<>(LocalDate.class, "daterange", "datemultirange") {
                @Override
                protected LocalDate parseValue(String text) {
                    switch (text.toLowerCase(Locale.ROOT)) {
                        case "infinity":
                            return LocalDate.MAX;
                        case "-infinity":
                            return LocalDate.MIN;
                        default:
                            return LocalDate.parse(text);
                    }
                }

                @Override
                protected String formatValue(LocalDate value) {
                    if (value.equals(LocalDate.MAX)) {
                        return "infinity";
                    }
                    if (value.equals(LocalDate.MIN)) {
                        return "-infinity";
                    }
                    return value.toString();
                }

                @Override
                public LocalDate next(LocalDate value) {
                    return value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN)
                            ? value
                            : value.plusDays(1);
                }
            };

    public static final RangeElement<LocalDateTime> TIMESTAMP =
            new RangeElement<>(LocalDateTime.class, "tsrange", "tsmultirange") {
                @Override
                protected LocalDateTime parseValue(String text) {
                    switch (text.toLowerCase(Locale.ROOT)) {
                        case "infinity":
                            return LocalDateTime.MAX;
                        case "-infinity":
                            return LocalDateTime.MIN;
                        default:
                            return LocalDateTime.parse(text, TIMESTAMP_IN);
                    }
                }

                @Override
                protected String formatValue(LocalDateTime value) {
                    if (value.equals(LocalDateTime.MAX)) {
                        return "infinity";
                    }
                    if (value.equals(LocalDateTime.MIN)) {
                        return "-infinity";
                    }
                    return TIMESTAMP_OUT.format(value);
                }
            };

    public static final RangeElement<OffsetDateTime> TIMESTAMPTZ =
            new RangeElement<>(OffsetDateTime.class, "tstzrange", "tstzmultirange") {
                @Override
                protected OffsetDateTime parseValue(String text) {
                    switch (text.toLowerCase(Locale.ROOT)) {
                        case "infinity":
                            return OffsetDateTime.MAX;
                        case "-infinity":
                            return OffsetDateTime.MIN;
                        default:
                            return OffsetDateTime.parse(text, TIMESTAMPTZ_IN)
                                    .withOffsetSameInstant(ZoneOffset.UTC);
                    }
                }

                @Override
                protected String formatValue(OffsetDateTime value) {
                    if (value.equals(OffsetDateTime.MAX)) {
                        return "infinity";
                    }
                    if (value.equals(OffsetDateTime.MIN)) {
                        return "-infinity";
                    }
                    return TIMESTAMP_OUT.format(value.toLocalDateTime())
                            + offset(value.getOffset());
                }

                @Override
                public OffsetDateTime canonicalValue(OffsetDateTime value) {
                    if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
                        return value;
                    }
                    return value.withOffsetSameInstant(ZoneOffset.UTC);
                }
            };

    public static final RangeElement<Instant> INSTANT =
            new RangeElement<>(Instant.class, "tstzrange", "tstzmultirange") {
                @Override
                protected Instant parseValue(String text) {
                    switch (text.toLowerCase(Locale.ROOT)) {
                        case "infinity":
                            return Instant.MAX;
                        case "-infinity":
                            return Instant.MIN;
                        default:
                            return OffsetDateTime.parse(text, TIMESTAMPTZ_IN).toInstant();
                    }
                }

                @Override
                protected String formatValue(Instant value) {
                    if (value.equals(Instant.MAX)) {
                        return "infinity";
                    }
                    if (value.equals(Instant.MIN)) {
                        return "-infinity";
                    }
                    return TIMESTAMP_OUT.format(value.atOffset(ZoneOffset.UTC).toLocalDateTime())
                            + "+00";
                }
            };

    /** Writes an offset as PostgreSQL prints it: {@code +00}, {@code +05:30}. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        StringBuilder sb = new StringBuilder(total < 0 ? "-" : "+");
        sb.append(String.format(Locale.ROOT, "%02d", abs / 3600));
        if (abs % 3600 != 0) {
            sb.append(String.format(Locale.ROOT, ":%02d", (abs % 3600) / 60));
            if (abs % 60 != 0) {
                sb.append(String.format(Locale.ROOT, ":%02d", abs % 60));
            }
        }
        return sb.toString();
    }

    private static final List<RangeElement<?>> ALL =
            List.of(INT4, INT8, NUMERIC, DATE, TIMESTAMP, TIMESTAMPTZ, INSTANT);

    private final Class<T> javaType;
    private final String rangeType;
    private final String multirangeType;

    RangeElement(Class<T> javaType, String rangeType, String multirangeType) {
        this.javaType = javaType;
        this.rangeType = rangeType;
        this.multirangeType = multirangeType;
    }

    /** Returns the strategy for an element class, or fails naming the supported ones. */
    @SuppressWarnings("unchecked")
    public static <T extends Comparable<? super T>> RangeElement<T> of(Class<?> javaType) {
        for (RangeElement<?> element : ALL) {
            if (element.javaType == javaType) {
                return (RangeElement<T>) element;
            }
        }
        throw new IllegalArgumentException(
                "PgRange does not support element type "
                        + (javaType == null ? "null" : javaType.getName())
                        + "; use Integer, Long, BigDecimal, LocalDate, LocalDateTime, OffsetDateTime or Instant");
    }

    /** Returns the element class. */
    public Class<T> javaType() {
        return javaType;
    }

    /** Returns the PostgreSQL range type, for example {@code int4range}. */
    public String rangeType() {
        return rangeType;
    }

    /** Returns the SQL type of the elements, for example {@code integer} or {@code timestamptz}. */
    public String elementSqlType() {
        switch (rangeType) {
            case "int4range":
                return "integer";
            case "int8range":
                return "bigint";
            case "numrange":
                return "numeric";
            case "daterange":
                return "date";
            case "tsrange":
                return "timestamp";
            default:
                return "timestamptz";
        }
    }

    /** Returns the PostgreSQL multirange type, for example {@code int4multirange}. */
    public String multirangeType() {
        return multirangeType;
    }

    /**
     * Returns whether the type is discrete, so that ranges have a canonical {@code [a, b)} form.
     */
    public boolean isDiscrete() {
        return this == INT4 || this == INT8 || this == DATE;
    }

    /** Returns the next value of a discrete type. */
    public T next(T value) {
        throw new UnsupportedOperationException(rangeType + " is not discrete");
    }

    /**
     * Returns whether the value is finite; PostgreSQL keeps infinite bounds of discrete ranges as
     * given.
     */
    public boolean isFinite(T value) {
        return !(value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN));
    }

    /** Returns the value in its canonical form (tstzrange bounds in UTC). */
    public T canonicalValue(T value) {
        return value;
    }

    /** Returns whether two values are equal the way PostgreSQL compares them. */
    public boolean same(T a, T b) {
        return a.compareTo(b) == 0;
    }

    /** Returns a hash consistent with {@link #same}. */
    public int hash(T value) {
        return value.hashCode();
    }

    /** Reads a bound as PostgreSQL prints it. */
    public T parse(String text) {
        try {
            return canonicalValue(parseValue(text.trim()));
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a valid " + rangeType + " bound: " + e.getMessage(), e);
        }
    }

    protected abstract T parseValue(String text);

    /** Writes a bound the way PostgreSQL reads it. */
    public String format(T value) {
        return formatValue(value);
    }

    protected String formatValue(T value) {
        return value.toString();
    }

    @Override
    public String toString() {
        return rangeType + "<" + javaType.getSimpleName() + ">";
    }
}
