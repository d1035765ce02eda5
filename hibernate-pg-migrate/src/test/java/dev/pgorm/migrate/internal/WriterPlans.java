package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.internal.PlanBuilder.Phase;
import dev.pgorm.migrate.internal.PlanBuilder.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A rendered plan of four groups, and helpers, for the writer tests. */
final class WriterPlans {

    /** 2026-12-07 06:00:00 UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC);

    private WriterPlans() {}

    /**
     * Returns: a transactional group (a column), a non-transactional one (two indexes built
     * concurrently), a transactional one (a foreign key NOT VALID) and its validation.
     */
    static List<PgMigrationStatement> fourGroups() {
        PlanBuilder b = new PlanBuilder();
        b.add(Phase.ADD_COLUMNS, "ALTER TABLE public.item ADD COLUMN quantity integer");
        b.add(
                Phase.CREATE_INDEXES,
                new Step(
                        "CREATE INDEX CONCURRENTLY item_label_idx ON public.item USING btree (label)",
                        false,
                        Set.of(PgMigrationHazard.INDEX_BUILD),
                        "",
                        false));
        b.add(
                Phase.CREATE_INDEXES,
                new Step(
                        "CREATE INDEX CONCURRENTLY item_quantity_idx ON public.item USING btree"
                                + " (quantity)",
                        false,
                        Set.of(PgMigrationHazard.INDEX_BUILD),
                        "",
                        false));
        b.add(
                Phase.FOREIGN_KEYS,
                "ALTER TABLE public.item ADD CONSTRAINT item_shelf_fk FOREIGN KEY (shelf_id)"
                        + " REFERENCES public.shelf(id) NOT VALID");
        b.add(
                Phase.SET_NOT_NULL,
                new Step(
                        "ALTER TABLE public.item VALIDATE CONSTRAINT item_shelf_fk",
                        true,
                        Set.of(PgMigrationHazard.VALIDATES_DATA),
                        "12 rows to check",
                        true));
        return b.render(Duration.ofSeconds(3), Duration.ofMinutes(1));
    }

    /** Returns the names of the files in a folder, sorted. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
