package dev.pgorm.ddl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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
     * Returns a function's argument list without its defaults ({@code a integer default 0, b text =
     * 'x'} becomes {@code a integer, b text}), as {@code DROP FUNCTION} and {@code COMMENT ON
     * FUNCTION} want it. Commas, {@code =} and {@code default} inside parentheses or quotes are not
     * separators.
     */
    public static String withoutDefaults(String arguments) {
        List<String> kept = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i <= arguments.length(); i++) {
            char c = i < arguments.length() ? arguments.charAt(i) : ',';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String arg = current.toString();
                Matcher d = DEFAULT.matcher(arg);
                int cut = -1;
                while (d.find()) {
                    if (topLevel(arg, d.start())) {
                        cut = d.start();
                        break;
                    }
                }
                String type = (cut < 0 ? arg : arg.substring(0, cut)).trim();
                if (!type.isEmpty()) {
                    kept.add(type);
                }
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return String.join(", ", kept);
    }

    private static final Pattern DEFAULT =
            Pattern.compile("(\\s*\\bdefault\\b|\\s*=)", Pattern.CASE_INSENSITIVE);

    /** Returns whether position {@code at} of {@code arg} is outside parentheses and quotes. */
    private static boolean topLevel(String arg, int at) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < at; i++) {
            char c = arg.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return depth == 0 && quote == 0;
    }

    /**
     * Returns PL/pgSQL that grants again what an access list held, after an object was dropped and
     * created anew (a rebuilt view, a replaced function), so that the roles the application granted
     * keep their privileges; {@code acl} is a variable of type {@code aclitem[]} read before the
     * drop, {@code kind} the object kind of {@code GRANT ... ON}, {@code object} its SQL name.
     */
    public static String grantAgain(String acl, String kind, String object) {
        return "for g in select a.privilege_type, a.grantee, a.is_grantable from"
                + " pg_catalog.aclexplode("
                + acl
                + ") a loop execute pg_catalog.format('grant %s on "
                + kind
                + " %s to %s%s', g.privilege_type, "
                + object
                + ", case when g.grantee = 0 then 'public' else"
                + " pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) end, case when"
                + " g.is_grantable then ' with grant option' else '' end); end loop;";
    }

    /**
     * Returns PL/pgSQL that gives a re-created object its old owner back when that is another role
     * and the running role may do so; otherwise the object stays with the running role (as a plain
     * re-creation would leave it) rather than failing the whole block.
     *
     * @param owner a variable holding the old owner's oid
     * @param alterOwner an expression giving the {@code ALTER ... OWNER TO} statement
     */
    public static String ownerAgain(String owner, String alterOwner) {
        return "if "
                + owner
                + " is not null and pg_catalog.pg_get_userbyid("
                + owner
                + ") <> current_user then begin execute "
                + alterOwner
                + "; exception when insufficient_privilege then null; end; end if; ";
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
