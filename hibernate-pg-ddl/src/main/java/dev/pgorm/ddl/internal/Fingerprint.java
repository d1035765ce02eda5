package dev.pgorm.ddl.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The comment by which {@code update} and {@code validate} tell a changed declaration from an
 * unchanged one: {@code pgorm:} and 16 hex digits of a SHA-256. An object without a comment was
 * made before fingerprints (or by hand) and is adopted; one with a comment of its own is left
 * unchecked.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /** Returns the fingerprint of a declaration given by its parts. */
    public static String of(String... parts) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return "pgorm:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Returns a PL/pgSQL condition true when {@code note} (an expression holding the object's
     * comment) is another PG-ORM fingerprint than {@code fingerprint}: the declaration changed.
     */
    public static String changed(String note, String fingerprint) {
        return note + " like 'pgorm:%' and " + note + " <> " + SqlText.literal(fingerprint);
    }

    /**
     * Returns a block that gives a relation found by {@code select} (a query returning {@code
     * nspname}, {@code relname} and {@code note}) the fingerprint as its comment when it has none.
     *
     * @param kind the object kind of {@code COMMENT ON}, such as {@code index}
     */
    public static String recordIfNone(String select, String kind, String fingerprint) {
        return "do $pgorm$ declare r record; begin "
                + select
                + " into r; if found and r.note is null then execute pg_catalog.format("
                + "'comment on "
                + kind
                + " %I.%I is %L', r.nspname, r.relname, "
                + SqlText.literal(fingerprint)
                + "); end if; end $pgorm$";
    }

    /**
     * Returns a catalog-check condition true unless the object's comment is another PG-ORM
     * fingerprint; it takes the expected fingerprint as a bind parameter.
     *
     * @param oid the object's oid, as SQL
     * @param catalog its catalog for {@code obj_description}, such as {@code pg_class}
     */
    public static String matches(String oid, String catalog) {
        String note = "pg_catalog.obj_description(" + oid + ", '" + catalog + "')";
        return "coalesce(" + note + " not like 'pgorm:%' or " + note + " = ?, true)";
    }
}
