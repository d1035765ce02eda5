package dev.pgorm.testing.internal;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Starts PostgreSQL 15 with PostGIS and pgvector in Docker, for machines that have Docker but no
 * local server. Only loaded when Testcontainers is on the class path.
 */
final class TestcontainersServer {

    static final String BASE_IMAGE = "postgis/postgis:15-3.4";

    private static GenericContainer<?> container;

    private TestcontainersServer() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static synchronized PgServer start(String appUser, String appPassword) {
        if (container == null) {
            // The PostGIS image is Debian with PGDG's apt repository, which packages pgvector.
            ImageFromDockerfile image =
                    new ImageFromDockerfile("pgorm/postgres-postgis-pgvector:15", false)
                            .withDockerfileFromBuilder(
                                    builder ->
                                            builder.from(BASE_IMAGE)
                                                    .run(
                                                            "apt-get update && apt-get install -y"
                                                                    + " --no-install-recommends"
                                                                    + " postgresql-15-pgvector && rm -rf"
                                                                    + " /var/lib/apt/lists/*")
                                                    .build());
            GenericContainer<?> started =
                    new GenericContainer<>(image)
                            .withEnv("POSTGRES_PASSWORD", "postgres")
                            .withEnv("POSTGRES_DB", ServerLocator.DEFAULT_DATABASE)
                            .withExposedPorts(5432)
                            .waitingFor(
                                    Wait.forLogMessage(
                                            ".*database system is ready to accept connections.*",
                                            2));
            started.start();
            container = started;
        }
        String url =
                "jdbc:postgresql://"
                        + container.getHost()
                        + ":"
                        + container.getMappedPort(5432)
                        + "/"
                        + ServerLocator.DEFAULT_DATABASE;
        return new PgServer(url, "postgres", "postgres", appUser, appPassword, "Testcontainers");
    }
}
