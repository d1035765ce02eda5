package dev.pgorm.migrate.internal;

import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes a plan: reads the desired and the current schema, diffs them, checks the hazards, and
 * verifies the plan on a temporary copy of the current schema before returning it.
 */
public final class PlanMaker {

    private PlanMaker() {}

    /**
     * Plans and verifies the migration the request describes.
     *
     * @param r the request
     * @return the verified plan
     */
    public static PgMigrationPlan make(MigrationRequest r) {
        PlanTimings.start();
        try {
            return makeTimed(r);
        } finally {
            PlanTimings.finish();
        }
    }

    private static PgMigrationPlan makeTimed(MigrationRequest r) {
        ScratchServer scratch =
                new ScratchServer(r.scratchUrl(), r.scratchUser(), r.scratchPassword());
        SchemaModel desired;
        Renames renames;
        try (TempDatabase db = scratch.create("desired")) {
            renames = DesiredSchema.create(r, db);
            try (Connection c = db.connect()) {
                desired = CatalogReader.read(c, CatalogReader.schemas(c));
            } catch (SQLException e) {
                throw new PgMigrationException(
                        "cannot read the desired schema: " + e.getMessage(), e);
            }
        }
        try (TempDatabase copy = scratch.create("current")) {
            List<PgMigrationStatement> statements;
            if (r.migrations() != null) {
                MigrationReplay.replay(r.migrations(), copy);
                statements = plan(read(copy, desired), desired, renames, copy, LiveFacts.NONE, r);
            } else {
                try (Connection live = connect(r)) {
                    live.setReadOnly(true);
                    SchemaModel current = CatalogReader.read(live, desired.schemas());
                    copySchema(current, copy, r);
                    statements =
                            plan(current, desired, renames, copy, new LiveFacts(live, renames), r);
                } catch (SQLException e) {
                    throw new PgMigrationException(
                            "cannot read the live database: " + e.getMessage(), e);
                }
            }
            checkHazards(statements, r.allowed());
            PlanRunner.apply(copy, statements);
            List<PgMigrationStatement> left = plan(read(copy, desired), desired, LiveFacts.NONE, r);
            if (!left.isEmpty()) {
                throw new PgMigrationException(
                        "the plan failed its verification: after applying it to a copy of the current"
                                + " schema, these differences are left:\n  "
                                + left.stream()
                                        .map(PgMigrationStatement::sql)
                                        .collect(Collectors.joining("\n  ")));
            }
            return PgMigrationPlan.of(statements);
        }
    }

    /**
     * Plans the renames first; the rest is diffed against what the copy's catalog says after them
     * (read in a transaction that is rolled back), so that the server updates every definition.
     */
    private static List<PgMigrationStatement> plan(
            SchemaModel current,
            SchemaModel desired,
            Renames renames,
            TempDatabase copy,
            LiveFacts facts,
            MigrationRequest r) {
        List<String> renaming = RenamePlanner.plan(current, desired, renames);
        SchemaModel renamed = current;
        if (!renaming.isEmpty()) {
            try (Connection c = copy.connect()) {
                renamed = CatalogReader.readAfter(c, desired.schemas(), renaming);
            } catch (SQLException e) {
                throw new PgMigrationException("cannot plan the renames: " + e.getMessage(), e);
            }
        }
        PlanBuilder plan = SchemaDiffer.diff(renamed, desired, facts);
        renaming.forEach(sql -> plan.add(PlanBuilder.Phase.RENAME_TABLES, sql));
        return render(plan, r);
    }

    /** Builds a schema-only copy of a live database from its model, and checks that it is one. */
    private static void copySchema(SchemaModel current, TempDatabase copy, MigrationRequest r) {
        SchemaModel wanted = current.withValidIndexes();
        List<PgMigrationStatement> create;
        try {
            create = plan(read(copy, current), wanted, LiveFacts.NONE, r);
        } catch (PgMigrationException e) {
            throw new PgMigrationException(
                    "cannot verify plans against this live database: it holds objects that the"
                            + " planner cannot copy yet ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        PlanRunner.apply(copy, create);
        List<PgMigrationStatement> left = plan(read(copy, current), wanted, LiveFacts.NONE, r);
        if (!left.isEmpty()) {
            throw new PgMigrationException(
                    "cannot verify the plan: a schema-only copy of the live database differs from it in:\n  "
                            + left.stream()
                                    .map(PgMigrationStatement::sql)
                                    .collect(Collectors.joining("\n  ")));
        }
    }

    private static SchemaModel read(TempDatabase db, SchemaModel scope) {
        try (Connection c = db.connect()) {
            return CatalogReader.read(c, scope.schemas());
        } catch (SQLException e) {
            throw new PgMigrationException("cannot read " + db.name() + ": " + e.getMessage(), e);
        }
    }

    static List<PgMigrationStatement> plan(
            SchemaModel current, SchemaModel desired, LiveFacts facts, MigrationRequest r) {
        return render(SchemaDiffer.diff(current, desired, facts), r);
    }

    private static List<PgMigrationStatement> render(PlanBuilder plan, MigrationRequest r) {
        if (!plan.unsupported().isEmpty()) {
            throw new PgMigrationException(
                    "cannot plan the migration:\n  " + String.join("\n  ", plan.unsupported()));
        }
        return plan.render(r.lockTimeout(), r.statementTimeout());
    }

    private static void checkHazards(
            List<PgMigrationStatement> statements, Set<PgMigrationHazard> allowed) {
        EnumSet<PgMigrationHazard> missing = EnumSet.noneOf(PgMigrationHazard.class);
        statements.forEach(
                s -> s.hazards().stream().filter(h -> !allowed.contains(h)).forEach(missing::add));
        if (!missing.isEmpty()) {
            throw new PgMigrationException(
                    "the plan has hazards that were not allowed "
                            + missing
                            + " (allow them with allow(...) after reviewing these statements):\n  "
                            + statements.stream()
                                    .filter(s -> !s.hazards().isEmpty())
                                    .map(PgMigrationStatement::toString)
                                    .collect(Collectors.joining("\n  ")));
        }
    }

    private static Connection connect(MigrationRequest r) throws SQLException {
        return ScratchServer.connect(r.liveUrl(), r.liveUser(), r.livePassword());
    }
}
