package dev.pgorm.testing;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.core.internal.PgServerCapabilities;
import dev.pgorm.testing.internal.ServerLocator;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.opentest4j.TestAbortedException;

/**
 * Reads what the test database offers and makes sure of what a test needs: an extension, a server
 * version. A missing capability fails the test in CI and skips it elsewhere.
 */
final class Capabilities {

    private final DataSource reader;
    private final PgSql owner;

    /** Reads the catalog through {@code reader} and creates extensions through {@code owner}. */
    Capabilities(DataSource reader, PgSql owner) {
        this.reader = reader;
        this.owner = owner;
    }

    /** Reads the server version and extensions of the test database. */
    PgCapabilities read() {
        try (Connection c = reader.getConnection()) {
            PgServerCapabilities caps = PgServerCapabilities.read(c);
            return new PgCapabilities(
                    caps.versionNum(), caps.installedExtensions(), caps.availableExtensions());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read server capabilities: " + e.getMessage(), e);
        }
    }

    /** Creates {@code extension} in schema {@code public} unless it is there. */
    void requireExtension(String extension) {
        PgCapabilities caps = read();
        if (caps.isInstalled(extension)) {
            return;
        }
        if (!caps.isAvailable(extension)) {
            missing(caps, extension);
        }
        owner.execute(
                """
                        create extension if not exists %s schema public"""
                        .formatted(PgIdentifiers.quote(extension)));
    }

    /** Makes sure the server could install {@code extension}, without installing it. */
    void requireAvailable(String extension) {
        PgCapabilities caps = read();
        if (!caps.isAvailable(extension)) {
            missing(caps, extension);
        }
    }

    /** Skips when the run declared the extension absent, else fails in CI and skips elsewhere. */
    private static void missing(PgCapabilities caps, String extension) {
        if (ServerLocator.declaredAbsent(extension)) {
            // The run said beforehand that this server lacks it (the version matrix's builds
            // have no pgvector or PostGIS): skip, even in CI, but only for that extension.
            throw new TestAbortedException(
                    "Missing capability: the server ("
                            + caps
                            + ") does not have the extension "
                            + extension
                            + ", declared absent by PGORM_TEST_ABSENT");
        }
        unavailable(
                "the server ("
                        + caps
                        + ") does not have the extension "
                        + extension
                        + "; scripts/test-db.sh installs it");
    }

    /** Makes sure the server is at least the given major version. */
    void requireServerVersion(int major) {
        PgCapabilities caps = read();
        if (!caps.isAtLeast(major)) {
            unavailable("needs PostgreSQL " + major + "+, the server is " + caps);
        }
    }

    /** Fails in CI ({@code PGORM_TEST_REQUIRE}) and aborts (skips) the test elsewhere. */
    static void unavailable(String reason) {
        if (ServerLocator.required()) {
            throw new IllegalStateException("Missing capability: " + reason);
        }
        throw new TestAbortedException("Missing capability: " + reason);
    }
}
