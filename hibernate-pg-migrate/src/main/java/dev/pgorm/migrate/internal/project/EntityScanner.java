package dev.pgorm.migrate.internal.project;

import dev.pgorm.migrate.PgMigrationException;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code @Entity} classes in compiled classes (a directory or a jar) without a scanning
 * library: a class file is a candidate when its constant pool names the annotation, and only
 * candidates are loaded and checked.
 */
public final class EntityScanner {

    private static final byte[] ENTITY_DESCRIPTOR =
            ("L" + Entity.class.getName().replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8);

    private EntityScanner() {}

    /**
     * Returns the entity classes under the given packages, loaded by {@code loader}, sorted by
     * name.
     *
     * @param roots class directories or jars to scan
     * @param packages package names; empty means every package
     * @param loader the class loader that sees the roots and their dependencies
     * @return the entity classes
     * @throws PgMigrationException when a root cannot be read or a candidate cannot be loaded
     */
    public static List<Class<?>> scan(List<Path> roots, List<String> packages, ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        for (Path root : roots) {
            try {
                if (Files.isDirectory(root)) {
                    scanDirectory(root, packages, names);
                } else if (Files.isRegularFile(root)) {
                    scanJar(root, packages, names);
                } else {
                    throw new PgMigrationException(
                            "no compiled classes at " + root + ": compile the project first");
                }
            } catch (IOException e) {
                throw new PgMigrationException("cannot read " + root + ": " + e.getMessage(), e);
            }
        }
        List<Class<?>> entities = new ArrayList<>();
        for (String name : names) {
            Class<?> type = load(name, loader);
            if (type.isAnnotationPresent(Entity.class)) {
                entities.add(type);
            }
        }
        return entities;
    }

    private static void scanDirectory(Path root, List<String> packages, TreeSet<String> names)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String name = className(relative);
                if (name != null && inPackages(name, packages) && isCandidate(file)) {
                    names.add(name);
                }
            }
        }
    }

    private static void scanJar(Path jar, List<String> packages, TreeSet<String> names)
            throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = className(entry.getName());
                if (name != null && inPackages(name, packages)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        if (contains(in.readAllBytes(), ENTITY_DESCRIPTOR)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
    }

    /** Returns the binary class name of a class file's path, or null for other files. */
    static String className(String path) {
        if (!path.endsWith(".class")
                || path.startsWith("META-INF/")
                || path.endsWith("module-info.class")
                || path.endsWith("package-info.class")) {
            return null;
        }
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    /** Returns whether a class is in one of the packages or their subpackages. */
    static boolean inPackages(String className, List<String> packages) {
        return packages.isEmpty()
                || packages.stream()
                        .map(String::strip)
                        .anyMatch(p -> p.isEmpty() || className.startsWith(p + "."));
    }

    private static boolean isCandidate(Path file) throws IOException {
        return contains(Files.readAllBytes(file), ENTITY_DESCRIPTOR);
    }

    /** Returns whether {@code bytes} holds {@code part}. */
    static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PgMigrationException(
                    "cannot load "
                            + name
                            + " ("
                            + e
                            + "): put the libraries it uses on the class path of the migration"
                            + " tool",
                    e);
        }
    }
}
