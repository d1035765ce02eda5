package dev.pgorm.core.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a PostgreSQL server offers, read once from a connection: its version and which extensions
 * are installed in the current database or available to install.
 */
public final class PgServerCapabilities {

    private final int versionNum;
    private final Map<String, String> installed;
    private final Map<String, String> available;

    private PgServerCapabilities(
            int versionNum, Map<String, String> installed, Map<String, String> available) {
        this.versionNum = versionNum;
        this.installed = Collections.unmodifiableMap(new LinkedHashMap<>(installed));
        this.available = Collections.unmodifiableMap(new LinkedHashMap<>(available));
    }

    /**
     * Returns capabilities built from known values; used by tests and by callers that already
     * queried the catalog.
     *
     * @param serverVersionNum the value of {@code server_version_num}, for example 150020
     * @param installed installed extensions, name to version
     * @param available extensions the server could install, name to default version
     * @return the capabilities
     */
    public static PgServerCapabilities of(
            int serverVersionNum, Map<String, String> installed, Map<String, String> available) {
        if (serverVersionNum < 90000) {
            throw new IllegalArgumentException(
                    "server_version_num " + serverVersionNum + " is not a PostgreSQL 9+ version");
        }
        return new PgServerCapabilities(serverVersionNum, installed, available);
    }

    /**
     * Reads the server version and the installed and available extensions through {@code
     * connection}, which is left open and unchanged.
     *
     * @param connection an open connection to the database in question
     * @return the capabilities
     * @throws SQLException when the catalog cannot be read
     */
    public static PgServerCapabilities read(Connection connection) throws SQLException {
        int versionNum;
        Map<String, String> installed = new LinkedHashMap<>();
        Map<String, String> available = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("select current_setting('server_version_num')")) {
                rs.next();
                versionNum = Integer.parseInt(rs.getString(1));
            }
            try (ResultSet rs =
                    st.executeQuery(
                            "select extname, extversion from pg_catalog.pg_extension order by 1")) {
                while (rs.next()) {
                    installed.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs =
                    st.executeQuery(
                            "select name, default_version from pg_catalog.pg_available_extensions"
                                    + " order by 1")) {
                while (rs.next()) {
                    available.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return of(versionNum, installed, available);
    }

    /** Returns {@code server_version_num}, for example 150020 for 15.20. */
    public int versionNum() {
        return versionNum;
    }

    /** Returns the major version, for example 15. */
    public int majorVersion() {
        return versionNum / 10000;
    }

    /** Returns the minor version, for example 20 for 15.20. */
    public int minorVersion() {
        return versionNum % 10000;
    }

    /**
     * Returns whether the server's major version is at least {@code major}.
     *
     * @param major a major version such as 15
     * @return true when the server is that version or newer
     */
    public boolean isAtLeast(int major) {
        return majorVersion() >= major;
    }

    /**
     * Returns whether the extension is installed in the database that was read.
     *
     * @param extension the extension name, for example {@code vector}
     * @return true when {@code CREATE EXTENSION} has run for it
     */
    public boolean isInstalled(String extension) {
        return installed.containsKey(extension);
    }

    /**
     * Returns whether the server can install the extension, installed or not.
     *
     * @param extension the extension name
     * @return true when the server has the extension's files
     */
    public boolean isAvailable(String extension) {
        return available.containsKey(extension) || installed.containsKey(extension);
    }

    /**
     * Returns the installed version of the extension.
     *
     * @param extension the extension name
     * @return the version, or empty when it is not installed
     */
    public Optional<String> installedVersion(String extension) {
        return Optional.ofNullable(installed.get(extension));
    }

    /** Returns the installed extensions, name to version. */
    public Map<String, String> installedExtensions() {
        return installed;
    }

    /** Returns the extensions the server could install, name to default version. */
    public Map<String, String> availableExtensions() {
        return available;
    }

    @Override
    public String toString() {
        return "PostgreSQL "
                + majorVersion()
                + "."
                + minorVersion()
                + ", installed extensions "
                + installed;
    }
}
