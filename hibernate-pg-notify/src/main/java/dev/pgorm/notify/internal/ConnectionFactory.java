package dev.pgorm.notify.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/** Opens the listener's own connection, with TCP keepalive, outside any pool. */
@FunctionalInterface
public interface ConnectionFactory {

    /** Opens a new physical connection. */
    Connection open() throws SQLException;

    /** Connects with a JDBC URL and credentials. */
    static ConnectionFactory from(String url, String user, String password) {
        return () -> {
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
        String url = call(dataSource, "getJdbcUrl");
        if (url == null) {
            url = call(dataSource, "getURL");
        }
        if (url == null) {
            url = call(dataSource, "getUrl");
        }
        if (url != null) {
            String user = call(dataSource, "getUsername");
            if (user == null) {
                user = call(dataSource, "getUser");
            }
            return from(url, user, call(dataSource, "getPassword"));
        }
        return dataSource::getConnection;
    }

    private static String call(Object target, String getter) {
        try {
            Method m = target.getClass().getMethod(getter);
            Object value = m.invoke(target);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
