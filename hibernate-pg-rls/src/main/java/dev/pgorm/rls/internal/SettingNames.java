package dev.pgorm.rls.internal;

import java.util.regex.Pattern;

/** Checks custom setting names before they reach {@code set_config}. */
public final class SettingNames {

    private static final Pattern NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private SettingNames() {}

    /** Returns the name, or fails when it is not a prefixed custom setting name. */
    public static String require(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 63) {
            throw new IllegalArgumentException(
                    "'"
                            + name
                            + "' is not a custom setting name: use a prefix and a name separated by a dot, such as app.tenant_id");
        }
        return name;
    }
}
