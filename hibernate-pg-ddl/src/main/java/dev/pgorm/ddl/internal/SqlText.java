package dev.pgorm.ddl.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Small, strict helpers for the SQL text that generated DDL is made of. */
public final class SqlText {

    private static final Pattern STORAGE_PARAMS =
            Pattern.compile(
                    "\\s*[a-z_][a-z0-9_.]*\\s*=\\s*[A-Za-z0-9_.+-]+\\s*(,\\s*[a-z_][a-z0-9_.]*\\s*=\\s*[A-Za-z0-9_.+-]+\\s*)*");
    private static final Pattern SETTING_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private SqlText() {}

    /**
     * Returns the comment that identifies a declaration: {@code pgorm:} and 16 hex digits of the
     * SHA-256 of its parts, so that {@code update} and {@code validate} can tell a changed one.
     */
    public static String fingerprint(String... parts) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return "pgorm:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Returns {@code value} as a SQL string literal, doubling single quotes. */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a SQL literal cannot contain a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Checks storage parameters such as {@code m = 16, ef_construction = 64}: names and plain
     * values only, so nothing else can ride along.
     *
     * @return the parameters, trimmed
     * @throws IllegalArgumentException when they do not have that shape
     */
    public static String storageParameters(String with, String where) {
        if (!STORAGE_PARAMS.matcher(with).matches()) {
            throw new IllegalArgumentException(
                    where
                            + ": with = \""
                            + with
                            + "\" is not a list of storage parameters; write name = value pairs"
                            + " separated by commas, for example \"m = 16, ef_construction = 64\"");
        }
        return with.trim();
    }

    /**
     * Checks the name of a custom setting as used with {@code current_setting}: at least two
     * dot-separated identifiers, such as {@code app.tenant_id}.
     */
    public static String settingName(String name, String where) {
        if (name == null || !SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    where
                            + ": '"
                            + name
                            + "' is not a custom setting name; use a prefix and a name separated"
                            + " by a dot, for example app.tenant_id");
        }
        return name;
    }

    /** Returns a dollar-quoted body that cannot end early: fails when the body contains the tag. */
    public static String dollarQuoted(String body, String where) {
        String tag = "$pgorm$";
        if (body.contains("$pgorm")) {
            // $pgorm$ quotes the body, $pgorm_...$ the blocks around it
            throw new IllegalArgumentException(where + ": the body must not contain $pgorm");
        }
        return tag + body + tag;
    }
}
