package dev.pgorm.replicas.internal;

import java.util.Locale;

/** A WAL position ({@code pg_lsn}) as PostgreSQL prints it, {@code 16/B374D848}, comparable. */
public record Lsn(long value) implements Comparable<Lsn> {

    private static final String HEX = "0123456789abcdefABCDEF";

    /**
     * Reads PostgreSQL's text form of a {@code pg_lsn}.
     *
     * @throws IllegalArgumentException when {@code text} is not two hexadecimal numbers around a
     *     slash
     */
    public static Lsn parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash > 9) {
            throw invalid(text);
        }
        for (int i = 0; i < text.length(); i++) {
            // Long.parseLong would take a sign (0/-1 is no position) and non-ASCII digits.
            if (i != slash && HEX.indexOf(text.charAt(i)) < 0) {
                throw invalid(text);
            }
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    /** Returns whether this position is at or past {@code other}. */
    public boolean reached(Lsn other) {
        return Long.compareUnsigned(value, other.value) >= 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase(Locale.ROOT)
                + "/"
                + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "Not a WAL position (pg_lsn) such as 16/B374D848: '" + text + "'");
    }
}
