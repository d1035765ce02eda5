package dev.pgorm.testing;

import dev.pgorm.core.internal.PgServerCapabilities;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the test database's server offers: its version and the extensions installed in the database
 * or available to install.
 *
 * @param serverVersionNum the value of {@code server_version_num}, for example 150020 for 15.20
 * @param installedExtensions installed extensions, name to version
 * @param availableExtensions extensions the server could install, name to default version
 * @since 0.1
 */
public record PgCapabilities(
        int serverVersionNum,
        Map<String, String> installedExtensions,
        Map<String, String> availableExtensions) {

    /** Copies the maps, keeping their order. */
    public PgCapabilities {
        installedExtensions = Collections.unmodifiableMap(new LinkedHashMap<>(installedExtensions));
        availableExtensions = Collections.unmodifiableMap(new LinkedHashMap<>(availableExtensions));
    }

    /** The same answers as the runtime's own reading of a server, from these values. */
    private PgServerCapabilities server() {
        return PgServerCapabilities.of(serverVersionNum, installedExtensions, availableExtensions);
    }

    /**
     * Returns the major version.
     *
     * @return for example 15
     */
    public int majorVersion() {
        return server().majorVersion();
    }

    /**
     * Returns the minor version.
     *
     * @return for example 20 for 15.20
     */
    public int minorVersion() {
        return server().minorVersion();
    }

    /**
     * Returns whether the server's major version is at least {@code major}.
     *
     * @param major a major version such as 15
     * @return true when the server is that version or newer
     */
    public boolean isAtLeast(int major) {
        return server().isAtLeast(major);
    }

    /**
     * Returns whether {@code CREATE EXTENSION} has run for the extension in this database.
     *
     * @param extension the extension name, for example {@code vector}
     * @return true when it is installed
     */
    public boolean isInstalled(String extension) {
        return server().isInstalled(extension);
    }

    /**
     * Returns whether the server can install the extension, installed or not.
     *
     * @param extension the extension name
     * @return true when the server has the extension's files
     */
    public boolean isAvailable(String extension) {
        return server().isAvailable(extension);
    }

    @Override
    public String toString() {
        return server().toString();
    }
}
