package dev.pgorm.core.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knows which JDBC endpoints are PgBouncer: those declared with {@code pgorm.pgbouncer=true} at a
 * factory's boot, and those that answer like PgBouncer 1.x to a probe. The probe connects with a
 * startup parameter PostgreSQL accepts and PgBouncer refuses ({@code options}): PgBouncer answers
 * {@code 08P01 unsupported startup parameter: options} before any authentication. A PgBouncer told
 * to ignore {@code options} is not recognised this way; {@code pgorm.pgbouncer=true} says it then.
 */
public final class PgBouncerProbe {

    private static final Pattern ENDPOINT = Pattern.compile("^jdbc:postgresql://([^/?]*)");

    private static final Set<String> DECLARED = ConcurrentHashMap.newKeySet();

    private PgBouncerProbe() {}

    /** Records that {@code url}'s host and port are PgBouncer. */
    public static void declare(String url) {
        String endpoint = endpoint(url);
        if (endpoint != null) {
            DECLARED.add(endpoint);
        }
    }

    /** Returns whether {@code url}'s host and port were declared PgBouncer. */
    public static boolean declared(String url) {
        String endpoint = endpoint(url);
        return endpoint != null && DECLARED.contains(endpoint);
    }

    /** Returns whether {@code url} was declared PgBouncer, or answers the probe like it. */
    public static boolean isPgBouncer(String url, String user, String password) {
        if (declared(url)) {
            return true;
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("options", "-c application_name=pgorm-probe");
        props.setProperty("connectTimeout", "5");
        try {
            Connection c = DriverManager.getConnection(url, props);
            c.close();
            return false;
        } catch (SQLException e) {
            return "08P01".equals(e.getSQLState())
                    && String.valueOf(e.getMessage()).contains("unsupported startup parameter");
        }
    }

    /** Returns whether {@code url} turns pgjdbc's server-side prepared statements off. */
    public static boolean preparesOnServer(String url) {
        Matcher m = Pattern.compile("[?&]prepareThreshold=(-?\\d+)").matcher(url);
        return !m.find() || !m.group(1).equals("0");
    }

    /** Returns the hosts and ports of a pgjdbc URL, lower case, with 5432 where none is given. */
    static String endpoint(String url) {
        Matcher m = url == null ? null : ENDPOINT.matcher(url);
        if (m == null || !m.find()) {
            return null;
        }
        StringBuilder endpoint = new StringBuilder();
        for (String host : m.group(1).toLowerCase(Locale.ROOT).split(",")) {
            if (endpoint.length() > 0) {
                endpoint.append(',');
            }
            endpoint.append(host.contains(":") && !host.endsWith("]") ? host : host + ":5432");
        }
        return endpoint.toString();
    }
}
