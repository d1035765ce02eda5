package dev.pgorm.demo;

/**
 * The demo's database and logins, from the environment: {@code PGORM_DEMO_URL} (default {@code
 * jdbc:postgresql://localhost:5432/pgorm_demo}), {@code PGORM_DEMO_USER} (default {@code
 * postgres}), {@code PGORM_DEMO_PASSWORD}, and for the application role {@code PGORM_DEMO_APP_USER}
 * and {@code PGORM_DEMO_APP_PASSWORD} (both default {@code pgorm_app}).
 */
final class DemoDatabase {

    private DemoDatabase() {}

    static String url() {
        return env("PGORM_DEMO_URL", "jdbc:postgresql://localhost:5432/pgorm_demo");
    }

    /** The owner of the demo's tables. */
    static String user() {
        return env("PGORM_DEMO_USER", "postgres");
    }

    static String password() {
        return env("PGORM_DEMO_PASSWORD", null);
    }

    /** The unprivileged role that row-level security applies to. */
    static String appUser() {
        return env("PGORM_DEMO_APP_USER", "pgorm_app");
    }

    static String appPassword() {
        return env("PGORM_DEMO_APP_PASSWORD", "pgorm_app");
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
