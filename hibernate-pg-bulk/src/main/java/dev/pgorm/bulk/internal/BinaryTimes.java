package dev.pgorm.bulk.internal;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import org.postgresql.util.PGInterval;

/**
 * The binary COPY encoders of dates and times: days or microseconds since 2000-01-01 (PostgreSQL's
 * epoch), {@code infinity} as the largest and smallest values, fractions of microseconds rounded as
 * PostgreSQL rounds the text it reads (half to even).
 */
final class BinaryTimes {

    /** 2000-01-01 in days and seconds since 1970-01-01. */
    private static final long EPOCH_DAYS = 10_957;

    private static final long EPOCH_SECONDS = EPOCH_DAYS * 86_400;

    private BinaryTimes() {}

    static final BinaryEncoder DATE =
            (out, value) -> {
                LocalDate date;
                if (value instanceof LocalDate d) {
                    date = d;
                } else if (value instanceof Date d) {
                    date = d.toLocalDate();
                } else {
                    throw BinaryEncoder.cannot(value, "date");
                }
                out.writeInt(4);
                if (date.equals(LocalDate.MAX)) {
                    out.writeInt(Integer.MAX_VALUE);
                } else if (date.equals(LocalDate.MIN)) {
                    out.writeInt(Integer.MIN_VALUE);
                } else {
                    long days = date.toEpochDay() - EPOCH_DAYS;
                    if (days != (int) days) {
                        throw new IllegalArgumentException("date out of range: " + date);
                    }
                    out.writeInt((int) days);
                }
            };

    static final BinaryEncoder TIMESTAMP =
            (out, value) -> {
                LocalDateTime t;
                if (value instanceof LocalDateTime l) {
                    t = l;
                } else if (value instanceof Timestamp ts) {
                    t = ts.toLocalDateTime();
                } else if (value instanceof OffsetDateTime o) {
                    // as PostgreSQL reads a timestamp with an offset: the offset is ignored
                    t = o.toLocalDateTime();
                } else if (value instanceof Instant i) {
                    t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
                } else {
                    throw BinaryEncoder.cannot(value, "timestamp");
                }
                out.writeInt(8);
                out.writeLong(local(t));
            };

    static final BinaryEncoder TIME =
            (out, value) -> {
                LocalTime t;
                if (value instanceof LocalTime l) {
                    t = l;
                } else if (value instanceof Time time) {
                    t = CopyTimes.localTime(time);
                } else if (value instanceof OffsetTime o) {
                    t = o.toLocalTime();
                } else {
                    throw BinaryEncoder.cannot(value, "time");
                }
                out.writeInt(8);
                out.writeLong(micros(t.toSecondOfDay(), t.getNano()));
            };

    /** timetz: the local time's microseconds, then the zone in seconds west of UTC. */
    static final BinaryEncoder TIMETZ =
            (out, value) -> {
                if (!(value instanceof OffsetTime t)) {
                    throw BinaryEncoder.cannot(value, "time with time zone");
                }
                out.writeInt(12);
                out.writeLong(micros(t.toLocalTime().toSecondOfDay(), t.getNano()));
                out.writeInt(-t.getOffset().getTotalSeconds());
            };

    /** interval: int64 microseconds, int32 days, int32 months. */
    static final BinaryEncoder INTERVAL =
            (out, value) -> {
                long micros;
                int days = 0;
                int months = 0;
                if (value instanceof Duration d) {
                    micros = micros(d.getSeconds(), d.getNano());
                } else if (value instanceof PGInterval i) {
                    months =
                            exact(
                                    () ->
                                            Math.addExact(
                                                    Math.multiplyExact(i.getYears(), 12),
                                                    i.getMonths()),
                                    value);
                    days = i.getDays();
                    micros =
                            exact(
                                    () ->
                                            Math.addExact(
                                                    Math.multiplyExact(
                                                            i.getHours() * 3600L
                                                                    + i.getMinutes() * 60L,
                                                            1_000_000L),
                                                    Math.round(i.getSeconds() * 1_000_000d)),
                                    value);
                } else {
                    throw BinaryEncoder.cannot(value, "interval");
                }
                out.writeInt(16);
                out.writeLong(micros);
                out.writeInt(days);
                out.writeInt(months);
            };

    /**
     * timestamptz: the instant's microseconds; a local date-time is taken in the session's time
     * zone, as PostgreSQL reads one without an offset.
     */
    static BinaryEncoder timestamptz(ZoneId sessionZone) {
        return (out, value) -> {
            long micros;
            if (value instanceof OffsetDateTime o) {
                micros = instant(o.toEpochSecond(), o.getNano());
            } else if (value instanceof Instant i) {
                micros = instant(i.getEpochSecond(), i.getNano());
            } else if (value instanceof ZonedDateTime z) {
                micros = instant(z.toEpochSecond(), z.getNano());
            } else if (value instanceof LocalDateTime || value instanceof Timestamp) {
                LocalDateTime l =
                        value instanceof Timestamp ts
                                ? ts.toLocalDateTime()
                                : (LocalDateTime) value;
                if (l.equals(LocalDateTime.MAX) || l.equals(LocalDateTime.MIN)) {
                    micros = local(l);
                } else {
                    // A time the autumn change gives twice takes the later offset, as in
                    // PostgreSQL; one the spring change skips, the earlier (Java does the same).
                    ZonedDateTime z = l.atZone(sessionZone).withLaterOffsetAtOverlap();
                    micros = instant(z.toEpochSecond(), z.getNano());
                }
            } else {
                throw BinaryEncoder.cannot(value, "timestamp with time zone");
            }
            out.writeInt(8);
            out.writeLong(micros);
        };
    }

    private static long local(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return instant(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
    }

    private static long instant(long epochSecond, int nano) {
        return micros(epochSecond - EPOCH_SECONDS, nano);
    }

    /**
     * Seconds and nanoseconds as microseconds, the nanoseconds rounded half to even; a value beyond
     * what 64 bits of microseconds hold fails instead of wrapping around.
     */
    private static long micros(long seconds, int nano) {
        try {
            return Math.addExact(
                    Math.multiplyExact(seconds, 1_000_000L), (long) Math.rint(nano / 1000.0));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "a date-time or duration of "
                            + seconds
                            + " seconds is out of range for PostgreSQL (microseconds in 64 bits)");
        }
    }

    private static <T extends Number> T exact(Supplier<T> computation, Object value) {
        try {
            return computation.get();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("interval out of range: " + value);
        }
    }
}
