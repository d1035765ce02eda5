package dev.pgorm.migrate.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, as Flyway does for a migration that
 * runs outside a transaction: semicolons inside quotes, dollar quotes and comments do not count.
 */
final class ScriptStatements {

    private ScriptStatements() {}

    /** Returns the script's statements, trimmed, without their semicolons; blank ones dropped. */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(script, i + 1, c);
            } else if (c == '-' && script.startsWith("--", i)) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && script.startsWith("/*", i)) {
                i = commentEnd(script, i + 2);
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int end = script.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == ';') {
                add(statements, script.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, script.substring(start));
        return statements;
    }

    private static void add(List<String> statements, String statement) {
        if (!withoutComments(statement).isBlank()) {
            statements.add(statement.strip());
        }
    }

    /**
     * Returns the index after the quote that closes a string or identifier ({@code ''} escapes).
     */
    private static int closing(String s, int from, char quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** Returns the index after a block comment, which may nest. */
    private static int commentEnd(String s, int from) {
        int depth = 1;
        int i = from;
        while (i < s.length() && depth > 0) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        return i;
    }

    /**
     * Returns the dollar-quote tag ({@code $$} or {@code $name$}) starting at {@code at}, or null.
     */
    private static String dollarTag(String s, int at) {
        if (at > 0 && (Character.isLetterOrDigit(s.charAt(at - 1)) || s.charAt(at - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int i = at + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i < s.length()
                && s.charAt(i) == '$'
                && (i == at + 1 || !Character.isDigit(s.charAt(at + 1)))) {
            return s.substring(at, i + 1);
        }
        return null;
    }

    private static String withoutComments(String statement) {
        StringBuilder sb = new StringBuilder();
        for (String line : statement.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("--")) {
                sb.append(t);
            }
        }
        return sb.toString().replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
