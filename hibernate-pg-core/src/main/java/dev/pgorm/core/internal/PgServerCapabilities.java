package dev.pgorm.core.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a PostgreSQL server offers, read once from a connection: its version and which extensions
 * are installed in the current database or available to install.
 */
public final class PgServerCapabilities {

    private static final String INSTALLED =
            """
            select extname, extversion
              from pg_catalog.pg_extension
             order by 1
            """;

    private static final String AVAILABLE =
            """
            select name, default_version
              from pg_catalog.pg_available_extensions
             order by 1
            """;

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
        PgCatalog catalog = PgCatalog.on(connection);
        int versionNum =
                Integer.parseInt(
                        catalog.value(
                                "select current_setting('server_version_num')", String.class));
        return of(
                versionNum,
                byName(catalog.list(INSTALLED, Extension::of)),
                byName(catalog.list(AVAILABLE, Extension::of)));
    }

    /** One row of {@code pg_extension} or {@code pg_available_extensions}. */
    private record Extension(String name, String version) {
        static Extension of(ResultSet row) throws SQLException {
            return new Extension(row.getString(1), row.getString(2));
        }
    }

    private static Map<String, String> byName(List<Extension> extensions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Extension e : extensions) {
            map.put(e.name(), e.version());
        }
        return map;
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
