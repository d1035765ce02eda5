package dev.pgorm.migrate.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements at the semicolons outside quotes, dollar quotes and
 * comments. The replay needs it for scripts that must run outside a transaction: PostgreSQL refuses
 * {@code CREATE INDEX CONCURRENTLY} in a multi-statement string, as in a transaction.
 */
final class SqlScript {

    private SqlScript() {}

    /** Returns the statements of the script, without their semicolons, blank ones left out. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : 0;
            if (c == '-' && next == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && next == '*') {
                i = blockCommentEnd(script, i);
            } else if (c == '\'') {
                boolean escapes =
                        i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e');
                i = quoteEnd(script, i, '\'', escapes);
            } else if (c == '"') {
                i = quoteEnd(script, i, '"', false);
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int end = script.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == ';') {
                add(out, script.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(out, script.substring(start));
        return out;
    }

    private static void add(List<String> out, String statement) {
        String s = statement.strip();
        if (!s.isEmpty() && !withoutComments(s).isBlank()) {
            out.add(s);
        }
    }

    /** Returns the text with its comment lines removed, to tell a statement from a comment. */
    private static String withoutComments(String s) {
        return s.replaceAll("(?m)^\\s*--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    /** Returns the index after the quote that closes the one at {@code i}. */
    private static int quoteEnd(String s, int i, char quote, boolean backslashEscapes) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** Returns the index after the block comment at {@code i}; PostgreSQL nests them. */
    private static int blockCommentEnd(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            if (s.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (s.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** Returns the dollar-quote tag ({@code $$}, {@code $body$}) starting at {@code i}, or null. */
    private static String dollarTag(String s, int i) {
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length()
                && s.charAt(j) == '$'
                && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }
}
