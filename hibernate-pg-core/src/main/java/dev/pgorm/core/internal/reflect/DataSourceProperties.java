package dev.pgorm.core.internal.reflect;

import javax.sql.DataSource;

/**
 * The URL and credentials of a data source that tells them through public getters PG-ORM cannot
 * name at compile time: HikariCP ({@code getJdbcUrl}, {@code getUsername}) and pgjdbc ({@code
 * getURL}/{@code getUrl}, {@code getUser}); {@code getPassword} for both.
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 */
public record DataSourceProperties(String url, String user, String password) {

    /**
     * Reads the URL and credentials of a data source.
     *
     * @param dataSource any data source
     * @return its properties, or null when it tells no URL
     */
    public static DataSourceProperties of(DataSource dataSource) {
        String url = first(dataSource, "getJdbcUrl", "getURL", "getUrl");
        if (url == null) {
            return null;
        }
        return new DataSourceProperties(
                url,
                first(dataSource, "getUsername", "getUser"),
                PrivateAccess.getter(dataSource, "getPassword"));
    }

    private static String first(Object target, String... getters) {
        for (String getter : getters) {
            String value = PrivateAccess.getter(target, getter);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "DataSourceProperties[url=" + url + ", user=" + user + ", password=***]";
    }
}
