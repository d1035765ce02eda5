package dev.pgorm.types.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's range literal syntax, as {@code range_in} reads it and {@code range_out} writes it:
 * {@code empty}, or a bracket, an optional lower bound, a comma, an optional upper bound and a
 * bracket, where bounds may be double-quoted and escape with a backslash or a doubled quote.
 */
public final class RangeLiteral {

    /** The parts of a non-empty range literal; null bounds are unbounded. */
    public record Parts(
            String lower, String upper, boolean lowerInclusive, boolean upperInclusive) {}

    private RangeLiteral() {}

    /** Returns whether the literal is {@code empty} (any case, surrounding white space allowed). */
    public static boolean isEmpty(String literal) {
        return literal.trim().equalsIgnoreCase("empty");
    }

    /**
     * Splits a non-empty range literal into its parts.
     *
     * @throws IllegalArgumentException naming the literal when it is malformed
     */
    public static Parts parse(String literal) {
        String s = literal.trim();
        if (s.isEmpty() || (s.charAt(0) != '[' && s.charAt(0) != '(')) {
            throw malformed(literal, "it must start with [ or ( or be empty");
        }
        int[] pos = {1};
        String lower = bound(s, pos, literal, true);
        if (pos[0] >= s.length() || s.charAt(pos[0]) != ',') {
            throw malformed(literal, "the bounds must be separated by a comma");
        }
        pos[0]++;
        String upper = bound(s, pos, literal, false);
        if (pos[0] >= s.length() || (s.charAt(pos[0]) != ']' && s.charAt(pos[0]) != ')')) {
            throw malformed(literal, "it must end with ] or )");
        }
        if (pos[0] != s.length() - 1) {
            throw malformed(literal, "there is text after the closing bracket");
        }
        return new Parts(lower, upper, s.charAt(0) == '[', s.charAt(pos[0]) == ']');
    }

    private static String bound(String s, int[] pos, String literal, boolean lower) {
        int p = pos[0];
        if (p < s.length() && (s.charAt(p) == ',' || s.charAt(p) == ')' || s.charAt(p) == ']')) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean inQuote = false;
        while (p < s.length()) {
            char ch = s.charAt(p);
            if (!inQuote && (lower ? ch == ',' : (ch == ')' || ch == ']'))) {
                break;
            }
            if (!inQuote && (ch == '(' || ch == '[' || (!lower && ch == ','))) {
                throw malformed(
                        literal,
                        "unexpected '" + ch + "' in a bound; quote bounds that contain it");
            }
            if (ch == '\\') {
                p++;
                if (p >= s.length()) {
                    throw malformed(literal, "it ends after a backslash");
                }
                sb.append(s.charAt(p));
            } else if (ch == '"') {
                if (!inQuote) {
                    inQuote = true;
                } else if (p + 1 < s.length() && s.charAt(p + 1) == '"') {
                    sb.append('"');
                    p++;
                } else {
                    inQuote = false;
                }
            } else {
                sb.append(ch);
            }
            p++;
        }
        if (inQuote) {
            throw malformed(literal, "a quoted bound is not closed");
        }
        pos[0] = p;
        return sb.toString();
    }

    /** Writes a bound, quoting it the way {@code range_out} does when it needs quotes. */
    public static String quote(String bound) {
        boolean needs = bound.isEmpty();
        for (int i = 0; i < bound.length() && !needs; i++) {
            char ch = bound.charAt(i);
            needs =
                    ch == '"'
                            || ch == '\\'
                            || ch == '('
                            || ch == ')'
                            || ch == '['
                            || ch == ']'
                            || ch == ','
                            || Character.isWhitespace(ch);
        }
        if (!needs) {
            return bound;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : bound.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append(ch);
            }
            sb.append(ch);
        }
        return sb.append('"').toString();
    }

    /**
     * Splits a multirange literal ({@code {}} or {@code {range, range}}) into range literals.
     *
     * @throws IllegalArgumentException naming the literal when it is malformed
     */
    public static List<String> splitMultirange(String literal) {
        String s = literal.trim();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw new IllegalArgumentException(
                    "malformed multirange literal '" + literal + "': it must be enclosed in { }");
        }
        List<String> ranges = new ArrayList<>();
        int p = 1;
        int end = s.length() - 1;
        while (true) {
            while (p < end && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            if (p >= end) {
                break;
            }
            int start = p;
            if (s.regionMatches(true, p, "empty", 0, 5)) {
                p += 5;
            } else {
                boolean inQuote = false;
                while (p < end) {
                    char ch = s.charAt(p);
                    if (ch == '\\') {
                        p++;
                    } else if (ch == '"') {
                        inQuote = !inQuote;
                    } else if (!inQuote && (ch == ']' || ch == ')')) {
                        break;
                    }
                    p++;
                }
                if (p >= end) {
                    throw new IllegalArgumentException(
                            "malformed multirange literal '"
                                    + literal
                                    + "': a range is not closed");
                }
                p++;
            }
            ranges.add(s.substring(start, p));
            while (p < end && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            if (p < end) {
                if (s.charAt(p) != ',') {
                    throw new IllegalArgumentException(
                            "malformed multirange literal '"
                                    + literal
                                    + "': ranges must be separated by commas");
                }
                p++;
            }
        }
        return ranges;
    }

    private static IllegalArgumentException malformed(String literal, String why) {
        return new IllegalArgumentException("malformed range literal '" + literal + "': " + why);
    }
}
