package dev.pgorm.testing.internal;

/**
 * Checks for Testcontainers without loading any of its classes, since it is an optional dependency.
 */
final class TestcontainersProbe {

    private TestcontainersProbe() {}

    static boolean classesPresent() {
        try {
            Class.forName(
                    "org.testcontainers.DockerClientFactory",
                    false,
                    TestcontainersProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean dockerAvailable() {
        return TestcontainersServer.dockerAvailable();
    }
}
