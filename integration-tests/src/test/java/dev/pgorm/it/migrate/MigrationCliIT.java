package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.migrate.internal.cli.MigrateCli;
import dev.pgorm.migrate.spi.MigrationTask;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's exit codes and messages, in-process, and the shaded jar run by {@code java}.
 */
@PgTest
class MigrationCliIT {

    @TempDir Path dir;

    private PgTestDatabase db;
    private SampleProject project;
    private String out;
    private String err;

    @BeforeEach
    void copySampleProject(PgTestDatabase db) throws IOException {
        this.db = db;
        project = SampleProject.copyTo(dir);
        // the first migration, planned from an empty folder
        Files.createDirectories(project.migrations());
        String first =
                new MigrationTask()
                        .classes(List.of(project.classes()))
                        .migrations(project.migrations())
                        .scratch(db.jdbcUrl(), db.user(), db.password())
                        .plan()
                        .toString();
        Files.writeString(project.migrations().resolve("V1__shop.sql"), first + "\n");
    }

    @Test
    void verifyExitsZeroWhenTheEntitiesAndTheMigrationsAgree() {
        // tag::verify[]
        int code =
                cli(
                        "verify",
                        "--entities",
                        project.classes().toString(),
                        "--packages",
                        "sample.shop",
                        "--migrations",
                        project.migrations().toString(),
                        "--scratch-url",
                        db.jdbcUrl(),
                        "--scratch-user",
                        db.user(),
                        "--scratch-password",
                        String.valueOf(db.password()));
        // end::verify[]
        assertThat(code).as(err).isEqualTo(MigrateCli.OK);
        assertThat(err).contains("agree");
    }

    @Test
    void verifyExitsOneOnDriftAndPrintsTheStatementsANewMigrationNeeds() {
        project.addToCustomer("String email;");
        assertThat(cliOnSample("verify")).as(err).isEqualTo(MigrateCli.DRIFT);
        assertThat(err)
                .contains("the entities and the migrations disagree")
                .contains("ADD COLUMN")
                .contains("email");
    }

    @Test
    void diffExitsOneWithTheReportWhenAHazardIsNotAllowed() {
        project.editCustomer("    String name;\n", "");
        assertThat(cliOnSample("diff", "--description", "drop_name"))
                .as(err)
                .isEqualTo(MigrateCli.DRIFT);
        assertThat(err).contains("DELETES_DATA").contains("DROP COLUMN").contains("--allow");
        assertThat(project.migrationFiles()).containsExactly("V1__shop.sql");

        // tag::diff[]
        int code = cliOnSample("diff", "--description", "drop name", "--allow", "DELETES_DATA");
        // end::diff[]
        assertThat(code).as(err).isEqualTo(MigrateCli.OK);
        assertThat(project.migrationFiles()).hasSizeGreaterThan(1).contains("V1__shop.sql");
        assertThat(project.migrationFiles().get(1)).startsWith("V2__drop_name");
        assertThat(out).contains("__drop_name");
        assertThat(cliOnSample("verify")).as(err).isZero();
    }

    @Test
    void diffOfAMatchingSchemaWritesNothing() {
        assertThat(cliOnSample("diff", "--description", "nothing")).as(err).isZero();
        assertThat(err).contains("schema matches the migrations, nothing written");
        assertThat(project.migrationFiles()).containsExactly("V1__shop.sql");
    }

    @Test
    void scansAJarOfEntities() throws IOException {
        Path jar = dir.resolve("shop.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(project.classes())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = project.classes().relativize(file).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        List<String> args =
                new ArrayList<>(List.of(onSample("verify", "--persistence-unit", "shop")));
        args.set(args.indexOf(project.classes().toString()), jar.toString());
        assertThat(cli(args.toArray(String[]::new))).as(err).isZero();
        args.remove("--persistence-unit");
        args.remove("shop");
        assertThat(cli(args.toArray(String[]::new))).as(err).isZero();
    }

    @Test
    void propertiesReachHibernate() {
        assertThat(cliOnSample("verify", "--property", "hibernate.default_schema=shop"))
                .as(err)
                .isEqualTo(MigrateCli.DRIFT);
        assertThat(err).contains("CREATE SCHEMA shop").contains("CREATE TABLE shop.customer");
        assertThat(cliOnSample("verify", "--property", "hibernate.default_schema"))
                .isEqualTo(MigrateCli.ERROR);
        assertThat(err).contains("--property needs name=value");
    }

    @Test
    void takesTheEntitiesFromAPersistenceUnit() {
        assertThat(cliOnSample("verify", "--persistence-unit", "shop")).as(err).isZero();
        project.addToCustomer("String email;");
        assertThat(cliOnSample("verify", "--persistence-unit", "shop")).isEqualTo(1);
    }

    @Test
    void usageErrorsExitTwoAndSayWhatToWrite() {
        assertThat(cli()).isEqualTo(MigrateCli.ERROR);
        assertThat(err).contains("name a command: diff or verify").contains("--help");
        assertThat(cli("check", "--entities", "x")).isEqualTo(2);
        assertThat(err).contains("unknown command check");
        assertThat(cli("verify", "--entity", "x")).isEqualTo(2);
        assertThat(err).contains("unknown option --entity");
        assertThat(cli("verify")).isEqualTo(2);
        assertThat(err).contains("--entities");
        assertThat(cliOnSample("diff")).isEqualTo(2);
        assertThat(err).contains("diff needs --description");
        assertThat(cliOnSample("diff", "--description", "x", "--allow", "NO_SUCH")).isEqualTo(2);
        assertThat(err).contains("unknown hazard NO_SUCH").contains("INDEX_BUILD");
        assertThat(cli("--help")).isZero();
        assertThat(out).contains("Usage:").contains("Exit codes");
    }

    @Test
    void anUnreachableScratchServerExitsTwo() {
        int code =
                cli(
                        "verify",
                        "--entities",
                        project.classes().toString(),
                        "--migrations",
                        project.migrations().toString(),
                        "--scratch-url",
                        "jdbc:postgresql://127.0.0.1:1/postgres",
                        "--scratch-user",
                        "nobody");
        assertThat(code).isEqualTo(MigrateCli.ERROR);
        assertThat(err)
                .contains("cannot create temporary database")
                .contains("127.0.0.1:1/postgres as nobody");
    }

    @Test
    void theScratchServerComesFromPgormScratchSettingsWhenNotGiven() {
        System.setProperty("PGORM_SCRATCH_URL", db.jdbcUrl());
        System.setProperty("PGORM_SCRATCH_USER", db.user());
        System.setProperty("PGORM_SCRATCH_PASSWORD", String.valueOf(db.password()));
        try {
            int code =
                    cli(
                            "verify",
                            "--entities",
                            project.classes().toString(),
                            "--migrations",
                            project.migrations().toString());
            assertThat(code).as(err).isZero();
        } finally {
            System.clearProperty("PGORM_SCRATCH_URL");
            System.clearProperty("PGORM_SCRATCH_USER");
            System.clearProperty("PGORM_SCRATCH_PASSWORD");
        }
    }

    @Test
    void theShadedJarRunsWithJava() throws Exception {
        Path jar = Path.of(System.getProperty("pgorm.cli.jar", "missing"));
        assertThat(jar)
                .as("the -cli jar, built by hibernate-pg-migrate's package (run with -am)")
                .isRegularFile();
        assertThat(java(jar, "--help")).isZero();
        assertThat(out).contains("Usage: java -jar hibernate-pg-migrate-cli.jar");

        assertThat(java(jar, onSample("verify"))).as(err).isZero();
        project.addToCustomer("String email;");
        assertThat(java(jar, onSample("verify"))).as(err).isEqualTo(1);
        assertThat(err).contains("ADD COLUMN").contains("email");
    }

    private int cliOnSample(String... args) {
        return cli(onSample(args));
    }

    /** Returns the arguments followed by the sample project's folders and the scratch server. */
    private String[] onSample(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of(
                        "--entities",
                        project.classes().toString(),
                        "--migrations",
                        project.migrations().toString(),
                        "--scratch-url",
                        db.jdbcUrl(),
                        "--scratch-user",
                        db.user(),
                        "--scratch-password",
                        String.valueOf(db.password())));
        return all.toArray(String[]::new);
    }

    private int cli(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            code = MigrateCli.run(args, o, e);
        }
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int java(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path outFile = dir.resolve("java.out");
        Path errFile = dir.resolve("java.err");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(outFile.toFile())
                        .redirectError(errFile.toFile())
                        .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("java -jar finished").isTrue();
        out = Files.readString(outFile);
        err = Files.readString(errFile);
        return process.exitValue();
    }
}
