package dev.pgorm.migrate.internal.project;

/**
 * Chooses the scratch server when a tool was given none, in the order the test harness finds its
 * server ({@code ServerLocator} in hibernate-pg-test-support): {@code PGORM_SCRATCH_URL}, then
 * {@code PGORM_TEST_URL}, then the local server on port 5432; each read from the environment or a
 * system property of the same name.
 *
 * @param url the JDBC URL of a database on the scratch server
 * @param user the user, or null
 * @param password the password, or null
 * @param source where the values came from, for messages
 */
public record ScratchDefaults(String url, String user, String password, String source) {

    /** The local server that {@code scripts/test-db.sh} provisions for the tests. */
    public static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/postgres";

    /**
     * Returns the server the tool was given, or the first one found in the environment.
     *
     * @param url the configured URL, or null
     * @param user the configured user, or null
     * @param password the configured password, or null
     * @return the scratch server to use
     */
    public static ScratchDefaults resolve(String url, String user, String password) {
        if (present(url)) {
            return new ScratchDefaults(
                    url,
                    present(user) ? user : setting("PGORM_SCRATCH_USER"),
                    password != null ? password : setting("PGORM_SCRATCH_PASSWORD"),
                    "configuration");
        }
        if (setting("PGORM_SCRATCH_URL") != null) {
            return new ScratchDefaults(
                    setting("PGORM_SCRATCH_URL"),
                    present(user) ? user : setting("PGORM_SCRATCH_USER"),
                    password != null ? password : setting("PGORM_SCRATCH_PASSWORD"),
                    "PGORM_SCRATCH_URL");
        }
        String testUser = present(user) ? user : orDefault(setting("PGORM_TEST_USER"), "postgres");
        String testPassword = password != null ? password : setting("PGORM_TEST_PASSWORD");
        if (setting("PGORM_TEST_URL") != null) {
            return new ScratchDefaults(
                    setting("PGORM_TEST_URL"), testUser, testPassword, "PGORM_TEST_URL");
        }
        return new ScratchDefaults(LOCAL_URL, testUser, testPassword, "localhost:5432");
    }

    /**
     * Reads a setting from a system property, or from the environment variable of the same name.
     *
     * @param name the name
     * @return the trimmed value, or null when unset or blank
     */
    public static String setting(String name) {
        String value = System.getProperty(name);
        if (!present(value)) {
            value = System.getenv(name);
        }
        return present(value) ? value.trim() : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user) + " (from " + source + ")";
    }
}
