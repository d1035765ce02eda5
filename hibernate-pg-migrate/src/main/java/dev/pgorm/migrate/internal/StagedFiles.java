package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a set of files all or nothing: every target is checked first, each file is written under a
 * temporary name in its folder, and only then moved in place; a failure removes what was written,
 * so a migration folder never holds half a migration.
 */
final class StagedFiles {

    /**
     * A file to write.
     *
     * @param target where it goes
     * @param content its text, written as UTF-8
     */
    record Staged(Path target, String content) {}

    private StagedFiles() {}

    /**
     * Writes the files; {@code replace} allows the targets to exist already (their content is
     * replaced in one move), otherwise an existing target fails before anything is written.
     */
    static void write(List<Staged> files, boolean replace) {
        if (files.isEmpty()) {
            return;
        }
        for (Staged f : files) {
            check(f.target(), replace);
        }
        List<Path> temporary = new ArrayList<>();
        List<Path> moved = new ArrayList<>();
        Path current = files.get(0).target();
        try {
            for (Staged f : files) {
                current = f.target();
                Path parent = f.target().toAbsolutePath().getParent();
                Path tmp =
                        Files.createTempFile(
                                parent, "." + f.target().getFileName() + ".", ".pgorm-tmp");
                temporary.add(tmp);
                Files.writeString(tmp, f.content(), StandardCharsets.UTF_8);
            }
            for (int i = 0; i < files.size(); i++) {
                Path target = files.get(i).target();
                current = target;
                if (replace) {
                    Files.move(
                            temporary.get(i),
                            target,
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(temporary.get(i), target);
                }
                moved.add(target);
            }
        } catch (IOException e) {
            for (Path p : temporary) {
                deleteQuietly(p);
            }
            if (!replace) {
                moved.forEach(StagedFiles::deleteQuietly);
            }
            throw new PgMigrationException(
                    "cannot write " + current + ": " + e + "; nothing was written", e);
        }
    }

    private static void check(Path target, boolean replace) {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new PgMigrationException(parent + " is not a folder; cannot write " + target);
        }
        if (!Files.isWritable(parent)) {
            throw new PgMigrationException(
                    "the folder " + parent + " is not writable; cannot write " + target);
        }
        if (Files.isDirectory(target)) {
            throw new PgMigrationException(target + " is a folder; name a file to write");
        }
        if (!replace && Files.exists(target)) {
            throw new PgMigrationException(
                    target
                            + " exists already; nothing was written (remove it, or write the"
                            + " migration again to get the next version)");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the original failure is the one to report
        }
    }
}
