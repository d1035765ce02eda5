package dev.pgorm.ddl.partition.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds of a single-column range partition, read from the text that {@code pg_get_expr} prints
 * for it.
 *
 * @param from the lower bound's literal unquoted, or {@code MINVALUE}
 * @param to the upper bound's literal unquoted, or {@code MAXVALUE}
 */
record RangeBound(String from, String to) {

    private static final Pattern RANGE =
            Pattern.compile("FOR VALUES FROM \\((.*)\\) TO \\((.*)\\)");

    /**
     * Returns the bounds in {@code bound}, for example {@code FOR VALUES FROM ('2026-01-01') TO
     * ('2026-02-01')}; empty for a list, hash, default or multi-column partition.
     */
    static Optional<RangeBound> parse(String bound) {
        Matcher m = RANGE.matcher(bound);
        if (!m.matches() || m.group(1).contains(",")) {
            return Optional.empty();
        }
        return Optional.of(new RangeBound(unquote(m.group(1)), unquote(m.group(2))));
    }

    private static String unquote(String literal) {
        String t = literal.trim();
        if (t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        return t;
    }
}
