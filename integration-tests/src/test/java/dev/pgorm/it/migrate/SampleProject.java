package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A copy of {@code src/test/resources/sample-project} in a temporary folder, compiled with the
 * JDK's compiler into {@code target/classes}: classes that the test's own class loader cannot see,
 * as in a user's build.
 */
public final class SampleProject {

    private final Path dir;

    private SampleProject(Path dir) {
        this.dir = dir;
    }

    /** Copies the sample project into {@code dir} and compiles it. */
    public static SampleProject copyTo(Path dir) {
        try {
            Path source = Path.of(SampleProject.class.getResource("/sample-project").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = dir.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        SampleProject project = new SampleProject(dir);
        project.compile();
        return project;
    }

    public Path basedir() {
        return dir;
    }

    public Path classes() {
        return dir.resolve("target/classes");
    }

    public Path migrations() {
        return dir.resolve("src/main/resources/db/migration");
    }

    /** Returns the migration files, sorted by name. */
    public List<String> migrationFiles() {
        if (!Files.isDirectory(migrations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the text of every migration file, in name order. */
    public String migrationText() {
        StringBuilder text = new StringBuilder();
        for (String file : migrationFiles()) {
            try {
                text.append(Files.readString(migrations().resolve(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    /** Adds an attribute to {@code Customer} where its comment says so, and recompiles. */
    public void addToCustomer(String line) {
        String marker = "    // a test adds attributes here\n";
        editCustomer(marker, "    " + line + "\n" + marker);
    }

    /** Replaces text in {@code Customer}'s source, and recompiles. */
    public void editCustomer(String from, String to) {
        Path file = dir.resolve("src/main/java/sample/shop/Customer.java");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        compile();
    }

    /** Compiles {@code src/main/java} and copies {@code src/main/resources}, as Maven would. */
    private void compile() {
        try {
            Path classes = classes();
            deleteTree(classes);
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>();
            args.add("-d");
            args.add(classes.toString());
            args.add("-classpath");
            args.add(jarOf(Entity.class));
            try (Stream<Path> files = Files.walk(dir.resolve("src/main/java"))) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .forEach(p -> args.add(p.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac).as("the JDK's compiler").isNotNull();
            assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
                    .as("javac exit code")
                    .isZero();
            Path resources = dir.resolve("src/main/resources/META-INF");
            Files.createDirectories(classes.resolve("META-INF"));
            Files.copy(
                    resources.resolve("persistence.xml"),
                    classes.resolve("META-INF/persistence.xml"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
