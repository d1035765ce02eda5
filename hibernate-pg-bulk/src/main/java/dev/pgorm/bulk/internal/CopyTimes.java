package dev.pgorm.bulk.internal;

import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Dates and timestamps in COPY's text format as PostgreSQL reads them: ISO text for years 1 to
 * 9999, otherwise the year without sign or padding beyond four digits and {@code BC} for year 0 and
 * before (year 0 is 1 BC), which Java's ISO text ({@code -0001}, {@code +10000}) is not.
 */
final class CopyTimes {

    private CopyTimes() {}

    /**
     * A {@code java.sql.Time}'s wall time in the JVM's zone with its milliseconds, as pgjdbc binds
     * it ({@code Time.toLocalTime()} drops them).
     */
    static LocalTime localTime(Time time) {
        return time.toLocalTime().withNano((int) Math.floorMod(time.getTime(), 1000L) * 1_000_000);
    }

    static void appendDate(StringBuilder out, LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            out.append("infinity");
        } else if (d.equals(LocalDate.MIN)) {
            out.append("-infinity");
        } else if (isIso(d.getYear())) {
            out.append(d);
        } else {
            appendDay(out, d);
            appendEra(out, d.getYear());
        }
    }

    static void appendDateTime(StringBuilder out, LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            out.append("infinity");
        } else if (t.equals(LocalDateTime.MIN)) {
            out.append("-infinity");
        } else if (isIso(t.getYear())) {
            out.append(t);
        } else {
            appendDay(out, t.toLocalDate());
            out.append(' ').append(t.toLocalTime());
            appendEra(out, t.getYear());
        }
    }

    static void appendDateTime(StringBuilder out, OffsetDateTime t) {
        if (isIso(t.getYear())) {
            out.append(t);
        } else {
            appendDay(out, t.toLocalDate());
            out.append(' ').append(t.toLocalTime());
            out.append(t.getOffset().getTotalSeconds() == 0 ? "+00" : t.getOffset().getId());
            appendEra(out, t.getYear());
        }
    }

    private static boolean isIso(int year) {
        return year >= 1 && year <= 9999;
    }

    private static void appendDay(StringBuilder out, LocalDate d) {
        int year = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
        for (int digits = Integer.toString(year).length(); digits < 4; digits++) {
            out.append('0');
        }
        out.append(year).append('-');
        twoDigits(out, d.getMonthValue());
        out.append('-');
        twoDigits(out, d.getDayOfMonth());
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append(value < 10 ? "0" : "").append(value);
    }

    private static void appendEra(StringBuilder out, int year) {
        if (year <= 0) {
            out.append(" BC");
        }
    }
}
