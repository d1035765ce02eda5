package dev.pgorm.core.internal;

// Longer than 300 lines: the one place where identifiers are validated, quoted and parsed (plain,
// quoted, qualified); splitting it would spread the quoting rules again.

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one place where PG-ORM turns a name into SQL: validates it against PostgreSQL's rules and
 * quotes it when it would not survive unquoted.
 *
 * <p>PostgreSQL accepts any quoted identifier that is not empty and has no NUL character, but
 * silently truncates names longer than {@value #MAX_BYTES} bytes, so such names are rejected here
 * rather than truncated later.
 */
public final class PgIdentifiers {

    /** PostgreSQL's default {@code NAMEDATALEN - 1}: the longest identifier in bytes. */
    public static final int MAX_BYTES = 63;

    /**
     * Key words that PostgreSQL 14-17 reserve (or reserve except as function or type names), so a
     * column or table of that name must be quoted.
     */
    private static final Set<String> RESERVED =
            Set.of(
                    "all",
                    "analyse",
                    "analyze",
                    "and",
                    "any",
                    "array",
                    "as",
                    "asc",
                    "asymmetric",
                    "authorization",
                    "binary",
                    "both",
                    "case",
                    "cast",
                    "check",
                    "collate",
                    "collation",
                    "column",
                    "concurrently",
                    "constraint",
                    "create",
                    "cross",
                    "current_catalog",
                    "current_date",
                    "current_role",
                    "current_schema",
                    "current_time",
                    "current_timestamp",
                    "current_user",
                    "default",
                    "deferrable",
                    "desc",
                    "distinct",
                    "do",
                    "else",
                    "end",
                    "except",
                    "false",
                    "fetch",
                    "for",
                    "foreign",
                    "freeze",
                    "from",
                    "full",
                    "grant",
                    "group",
                    "having",
                    "ilike",
                    "in",
                    "initially",
                    "inner",
                    "intersect",
                    "into",
                    "is",
                    "isnull",
                    "join",
                    "lateral",
                    "leading",
                    "left",
                    "like",
                    "limit",
                    "localtime",
                    "localtimestamp",
                    "natural",
                    "not",
                    "notnull",
                    "null",
                    "offset",
                    "on",
                    "only",
                    "or",
                    "order",
                    "outer",
                    "overlaps",
                    "placing",
                    "primary",
                    "references",
                    "returning",
                    "right",
                    "select",
                    "session_user",
                    "similar",
                    "some",
                    "symmetric",
                    "system_user",
                    "table",
                    "tablesample",
                    "then",
                    "to",
                    "trailing",
                    "true",
                    "union",
                    "unique",
                    "user",
                    "using",
                    "variadic",
                    "verbose",
                    "when",
                    "where",
                    "window",
                    "with");

    private PgIdentifiers() {}

    /**
     * Checks that {@code name} is a name PostgreSQL keeps exactly as given (quoted if need be).
     *
     * @param name the identifier, unquoted
     * @param what what the name is for, used in the error message (for example "index name")
     * @return {@code name}
     * @throws IllegalArgumentException when the name is null, blank, holds a NUL character or is
     *     longer than {@value #MAX_BYTES} bytes in UTF-8
     */
    public static String requireValid(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    what + " '" + name.replace("\0", "\\0") + "' must not contain a NUL character");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(
                    what
                            + " '"
                            + name
                            + "' is "
                            + bytes
                            + " bytes long; PostgreSQL allows at most "
                            + MAX_BYTES
                            + " bytes and would truncate it: choose a shorter name");
        }
        return name;
    }

    /**
     * Checks that {@code name} is a plain lower-case identifier that needs no quoting: a letter or
     * underscore followed by letters, digits, underscores or dollar signs, and not a reserved key
     * word.
     *
     * @param name the identifier
     * @param what what the name is for, used in the error message
     * @return {@code name}
     * @throws IllegalArgumentException when the name is not such an identifier
     */
    public static String requireSimple(String name, String what) {
        requireValid(name, what);
        if (!isSimple(name)) {
            throw new IllegalArgumentException(
                    what
                            + " '"
                            + name
                            + "' is not a simple identifier: use lower-case letters, digits and"
                            + " underscores, starting with a letter or underscore, and no reserved"
                            + " key word");
        }
        return name;
    }

    /**
     * Returns whether {@code name} can appear in SQL unquoted and still mean exactly {@code name}.
     *
     * @param name the identifier
     * @return true for a lower-case, non-reserved identifier of letters, digits, {@code _} and
     *     {@code $}
     */
    public static boolean isSimple(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
            if (!ok) {
                return false;
            }
        }
        return !RESERVED.contains(name)
                && name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * Returns whether {@code word} is one of PostgreSQL's reserved key words.
     *
     * @param word the word, in any case
     * @return true when it must be quoted to be used as a name
     */
    public static boolean isReserved(String word) {
        return word != null && RESERVED.contains(asciiLowerCase(word));
    }

    /**
     * Validates {@code name} and always returns it quoted, with inner double quotes doubled.
     *
     * @param name the identifier, unquoted
     * @return the quoted identifier, for example {@code "Order Lines"}
     * @throws IllegalArgumentException as {@link #requireValid(String, String)}
     */
    public static String quote(String name) {
        requireValid(name, "identifier");
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Validates {@code name} and quotes it only when it would not survive unquoted, which keeps
     * generated DDL readable.
     *
     * @param name the identifier, unquoted
     * @return {@code name} itself when simple, otherwise the quoted form
     * @throws IllegalArgumentException as {@link #requireValid(String, String)}
     */
    public static String render(String name) {
        requireValid(name, "identifier");
        return isSimple(name) ? name : quote(name);
    }

    /**
     * Renders a possibly schema-qualified name, each non-null part rendered as by {@link
     * #render(String)} and joined with dots.
     *
     * @param parts the parts, for example schema and table; null or empty parts are left out
     * @return the qualified name
     */
    public static String renderQualified(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(render(part));
        }
        if (sb.length() == 0) {
            throw new IllegalArgumentException("a qualified name needs at least one part");
        }
        return sb.toString();
    }

    /**
     * Returns {@code name} when it fits in {@value #MAX_BYTES} bytes, otherwise its longest prefix
     * that fits together with {@code _} and an 8-digit hash of the whole name, so that generated
     * names stay distinct and valid.
     *
     * @param name a generated name, for example {@code <table>_<columns>_idx}
     * @return a name of at most {@value #MAX_BYTES} bytes
     */
    public static String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String hash = String.format("%08x", name.hashCode());
        int budget = MAX_BYTES - hash.length() - 1;
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            prefix.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return prefix + "_" + hash;
    }

    /**
     * Returns the name that PostgreSQL stores for an identifier as written in SQL: the inner text
     * of a quoted identifier, or the lower-cased text of an unquoted one.
     *
     * @param sqlName the identifier as written in SQL, quoted or not
     * @return the stored name
     */
    public static String normalize(String sqlName) {
        requireValid(sqlName, "identifier");
        if (sqlName.length() >= 2 && sqlName.startsWith("\"") && sqlName.endsWith("\"")) {
            String inner = sqlName.substring(1, sqlName.length() - 1);
            if (inner.replace("\"\"", "").contains("\"")) {
                throw new IllegalArgumentException(
                        "identifier " + sqlName + " has an unescaped double quote inside");
            }
            return requireValid(inner.replace("\"\"", "\""), "identifier");
        }
        return asciiLowerCase(sqlName);
    }

    /**
     * Returns the stored names of the parts of a possibly qualified name as written in SQL, split
     * at the dots outside double quotes, each part as by {@link #normalize(String)}.
     *
     * @param sqlName the name as written in SQL, for example {@code "My Schema".Orders}
     * @return the stored names, for example {@code [My Schema, orders]}
     * @throws IllegalArgumentException when a part is empty or invalid, or a quote is not closed
     */
    public static List<String> normalizeQualified(String sqlName) {
        if (sqlName == null || sqlName.isBlank()) {
            throw new IllegalArgumentException("qualified name must not be empty");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= sqlName.length(); i++) {
            char c = i < sqlName.length() ? sqlName.charAt(i) : '.';
            if (c == '"') {
                quoted = !quoted; // a doubled quote inside toggles twice
            } else if (c == '.' && !quoted) {
                String part = sqlName.substring(start, i).strip();
                if (part.isEmpty()) {
                    throw new IllegalArgumentException(
                            "qualified name " + sqlName + " has an empty part");
                }
                parts.add(normalize(part));
                start = i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(
                    "qualified name " + sqlName + " has a double quote that is not closed");
        }
        return parts;
    }

    /** PostgreSQL folds only ASCII letters of an unquoted identifier to lower case. */
    private static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
