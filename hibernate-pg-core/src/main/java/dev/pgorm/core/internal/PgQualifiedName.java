package dev.pgorm.core.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A name that an annotation declares as {@code name} or {@code schema.name} (a domain, a collation,
 * a function or procedure), split and checked in one place so that every annotation accepts the
 * same forms.
 *
 * <p>Each part is the name as PostgreSQL stores it: case is kept and nothing is folded. A part that
 * holds a dot is written in double quotes, an inner double quote doubled: {@code
 * "my.schema".money}. An empty part ({@code .money}, {@code money.}, {@code a..b}), more than two
 * parts, or a double quote anywhere else is refused, before anything reaches the server.
 *
 * @param schema the schema, or null for an unqualified name (resolved through {@code search_path})
 * @param name the object's own name
 */
public record PgQualifiedName(String schema, String name) implements Serializable {

    /** Checks both parts as {@link PgIdentifiers#requireValid(String, String)} does. */
    public PgQualifiedName {
        if (schema != null) {
            PgIdentifiers.requireValid(schema, "schema name");
        }
        PgIdentifiers.requireValid(name, "name");
    }

    /**
     * Parses {@code name} or {@code schema.name} as written in an annotation.
     *
     * @param declared the name as written, for example {@code billing.money}
     * @param what what the name is for, used in the error message (for example "domain name")
     * @return the parsed name
     * @throws IllegalArgumentException saying what is wrong and which forms are accepted
     */
    public static PgQualifiedName parse(String declared, String what) {
        if (declared == null || declared.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = 0;
        int n = declared.length();
        while (true) {
            if (i < n && declared.charAt(i) == '"') {
                i = quotedPart(declared, i + 1, part, what);
                if (i < n && declared.charAt(i) != '.') {
                    throw invalid(declared, what, "has text after a closing double quote");
                }
            } else {
                for (; i < n && declared.charAt(i) != '.'; i++) {
                    if (declared.charAt(i) == '"') {
                        throw invalid(
                                declared,
                                what,
                                "has a double quote inside a part (quote the whole part)");
                    }
                    part.append(declared.charAt(i));
                }
            }
            if (part.length() == 0) {
                throw invalid(declared, what, "has an empty part");
            }
            parts.add(PgIdentifiers.requireValid(part.toString(), what));
            part.setLength(0);
            if (i >= n) {
                break;
            }
            i++; // the dot; a trailing one leaves an empty part, refused above
        }
        if (parts.size() > 2) {
            throw invalid(declared, what, "has " + parts.size() + " parts");
        }
        return parts.size() == 2
                ? new PgQualifiedName(parts.get(0), parts.get(1))
                : new PgQualifiedName(null, parts.get(0));
    }

    /** Reads a quoted part from {@code start} (after the quote); returns the index after it. */
    private static int quotedPart(String declared, int start, StringBuilder part, String what) {
        for (int i = start; i < declared.length(); i++) {
            char c = declared.charAt(i);
            if (c != '"') {
                part.append(c);
            } else if (i + 1 < declared.length() && declared.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else {
                return i + 1;
            }
        }
        throw invalid(declared, what, "has a double quote that is not closed");
    }

    private static IllegalArgumentException invalid(String declared, String what, String problem) {
        return new IllegalArgumentException(
                what
                        + " '"
                        + declared
                        + "' "
                        + problem
                        + ": write name or schema.name, each part not empty, and a part that holds"
                        + " a dot in double quotes (\"my.schema\".name)");
    }

    /**
     * Returns the name as SQL, each part quoted only when it needs to be.
     *
     * @return for example {@code billing.money} or {@code "Billing".money}
     */
    public String render() {
        return PgIdentifiers.renderQualified(schema, name);
    }

    /**
     * Returns the name as SQL with every part quoted, for names whose case matters even when they
     * look simple (a collation named {@code C}).
     *
     * @return for example {@code "pg_catalog"."C"}
     */
    public String quoted() {
        return (schema == null ? "" : PgIdentifiers.quote(schema) + ".")
                + PgIdentifiers.quote(name);
    }

    /**
     * Returns a key that tells names apart: the schema (empty when unqualified), a dot and the
     * name.
     *
     * @return for example {@code billing.money} or {@code .money}
     */
    public String key() {
        return (schema == null ? "" : schema) + "." + name;
    }
}
