package dev.pgorm.notify.internal;

import dev.pgorm.core.internal.PgBouncerProbe;
import dev.pgorm.core.internal.jdbc.JdbcProxies;
import dev.pgorm.core.internal.reflect.DataSourceProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Opens the listener's own connection, with TCP keepalive, outside any pool when it knows the URL;
 * otherwise from the data source, with {@code UNLISTEN *} before the connection is given back.
 */
@FunctionalInterface
public interface ConnectionFactory {

    /** Opens a new physical connection. */
    Connection open() throws SQLException;

    /** Connects with a JDBC URL and credentials. */
    static ConnectionFactory from(String url, String user, String password) {
        AtomicBoolean checked = new AtomicBoolean();
        return () -> {
            // Once: LISTEN needs a session of its own, which PgBouncer in transaction mode lacks.
            if (!checked.get() && PgBouncerProbe.isPgBouncer(url, user, password)) {
                throw new SQLException(
                        "PgListener needs a direct connection to PostgreSQL, but "
                                + url
                                + " is PgBouncer: in transaction mode LISTEN holds only for one"
                                + " transaction on a server connection that other clients get, and"
                                + " notifications are lost. Pass the server's own URL to"
                                + " PgListener.builder(url, user, password)",
                        "0A000");
            }
            checked.set(true);
            Properties props = new Properties();
            if (user != null) {
                props.setProperty("user", user);
            }
            if (password != null) {
                props.setProperty("password", password);
            }
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("connectTimeout", "5");
            if (!url.contains("ApplicationName")) {
                props.setProperty("ApplicationName", "pgorm-listener");
            }
            return DriverManager.getConnection(url, props);
        };
    }

    /** Uses a data source's URL and credentials when it tells them (HikariCP, pgjdbc). */
    static ConnectionFactory from(DataSource dataSource) {
        DataSourceProperties properties = DataSourceProperties.of(dataSource);
        if (properties != null) {
            return from(properties.url(), properties.user(), properties.password());
        }
        System.getLogger("dev.pgorm.notify")
                .log(
                        System.Logger.Level.WARNING,
                        "PG-ORM listener: "
                                + dataSource.getClass().getName()
                                + " tells no JDBC URL (getJdbcUrl/getURL/getUrl), so the listener"
                                + " takes its connection from getConnection() and keeps it while it"
                                + " runs; if this data source is a pool, that is one of its slots."
                                + " Pass a URL and credentials to PgListener.builder(url, user,"
                                + " password) for a connection of its own");
        return () -> unlistenOnClose(dataSource.getConnection());
    }

    /**
     * Wraps a connection that may go back to a pool so that closing it first runs {@code UNLISTEN
     * *}: otherwise the next borrower would keep receiving the listener's channels.
     */
    private static Connection unlistenOnClose(Connection connection) {
        return JdbcProxies.wrap(
                Connection.class,
                connection,
                "PgListenerConnection",
                call -> {
                    if (call.name().equals("close") && !connection.isClosed()) {
                        try (Statement st = connection.createStatement()) {
                            if (!connection.getAutoCommit()) {
                                connection.rollback();
                            }
                            st.execute("unlisten *");
                        } catch (SQLException e) {
                            // A broken connection listens to nothing; the pool drops it.
                        }
                    }
                    return call.proceed();
                });
    }
}
