package dev.pgorm.testing;

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

    /** Returns the major version, for example 15. */
    public int majorVersion() {
        return serverVersionNum / 10000;
    }

    /** Returns the minor version, for example 20 for 15.20. */
    public int minorVersion() {
        return serverVersionNum % 10000;
    }

    /** Returns whether the server's major version is at least {@code major}. */
    public boolean isAtLeast(int major) {
        return majorVersion() >= major;
    }

    /** Returns whether {@code CREATE EXTENSION} has run for the extension in this database. */
    public boolean isInstalled(String extension) {
        return installedExtensions.containsKey(extension);
    }

    /** Returns whether the server can install the extension, installed or not. */
    public boolean isAvailable(String extension) {
        return availableExtensions.containsKey(extension)
                || installedExtensions.containsKey(extension);
    }

    @Override
    public String toString() {
        return "PostgreSQL "
                + majorVersion()
                + "."
                + minorVersion()
                + ", installed extensions "
                + installedExtensions;
    }
}
