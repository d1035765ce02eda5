package dev.pgorm.ddl.partition.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partition key types that {@code PgPartitions} can step through by dates, and how a bound of
 * each becomes an exact point in time: dates and timestamps without time zone count as UTC, which
 * orders them as PostgreSQL does.
 */
enum RangeKey {
    DATE("date"),
    TIMESTAMP("timestamp"),
    TIMESTAMPTZ("timestamptz");

    private static final Pattern TYPE =
            Pattern.compile("(date|timestamp(\\(\\d\\))? with(out)? time zone)");

    private final String cast;

    RangeKey(String cast) {
        this.cast = cast;
    }

    /**
     * Returns the key for a column type as {@code format_type} writes it, empty for other types.
     */
    static Optional<RangeKey> of(String formatType) {
        if (formatType == null || !TYPE.matcher(formatType).matches()) {
            return Optional.empty();
        }
        if (formatType.startsWith("date")) {
            return Optional.of(DATE);
        }
        return Optional.of(formatType.contains("with time zone") ? TIMESTAMPTZ : TIMESTAMP);
    }

    /** Returns the type a bound literal is cast to, as SQL. */
    String cast() {
        return cast;
    }

    /**
     * Writes a date as a bound of this type; timestamptz bounds are UTC midnight, spelled out, so
     * that the session's time zone does not move them.
     */
    String literal(LocalDate date) {
        return this == TIMESTAMPTZ ? date + " 00:00:00+00" : date.toString();
    }

    /**
     * Reads a column of this type as a point in time, null for SQL null; {@code infinity} and
     * {@code -infinity} (read by the driver as the largest and smallest values) order last and
     * first.
     */
    Instant read(ResultSet row, int column) throws SQLException {
        switch (this) {
            case DATE:
                LocalDate date = row.getObject(column, LocalDate.class);
                return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            case TIMESTAMP:
                LocalDateTime timestamp = row.getObject(column, LocalDateTime.class);
                return timestamp == null ? null : timestamp.toInstant(ZoneOffset.UTC);
            default:
                OffsetDateTime instant = row.getObject(column, OffsetDateTime.class);
                return instant == null ? null : instant.toInstant();
        }
    }
}
