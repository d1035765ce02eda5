package dev.pgorm.testing.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the test database lives and who may log in: the privileged user that creates schemas and
 * the unprivileged application role that RLS tests run as.
 */
public final class PgServer {

    private final String url;
    private final String user;
    private final String password;
    private final String appUser;
    private final String appPassword;
    private final String source;

    /**
     * Describes a server.
     *
     * @param url JDBC URL of the test database
     * @param user privileged user (may create schemas, databases and extensions)
     * @param password its password, may be null
     * @param appUser login role that is neither superuser, nor owner, nor BYPASSRLS
     * @param appPassword its password, may be null
     * @param source where the server came from, for messages
     */
    public PgServer(
            String url,
            String user,
            String password,
            String appUser,
            String appPassword,
            String source) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = Objects.requireNonNull(user, "user");
        this.password = password;
        this.appUser = Objects.requireNonNull(appUser, "appUser");
        this.appPassword = appPassword;
        this.source = source;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String appUser() {
        return appUser;
    }

    public String appPassword() {
        return appPassword;
    }

    public String source() {
        return source;
    }

    /** Opens a connection to the test database as the privileged user. */
    public Connection connect() throws SQLException {
        return connect(url, user, password);
    }

    /** Opens a connection to {@code jdbcUrl} with the given credentials. */
    public static Connection connect(String jdbcUrl, String user, String password)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** Returns {@code jdbcUrl} pointing at another database on the same server. */
    public static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return base + "/" + database + params;
        }
        return base.substring(0, slash + 1) + database + params;
    }

    /** Returns {@code jdbcUrl} with one more connection parameter. */
    public static String withParameter(String jdbcUrl, String name, String value) {
        return jdbcUrl + (jdbcUrl.indexOf('?') < 0 ? '?' : '&') + name + '=' + value;
    }

    @Override
    public String toString() {
        return url + " as " + user + " (from " + source + ")";
    }
}
