package dev.pgorm.it.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.view.MaterializedView;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.PgMigrationHazard;
import dev.pgorm.migrate.PgMigrationPlan;
import dev.pgorm.migrate.PgMigrationStatement;
import dev.pgorm.migrate.PgMigrations;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain and materialized views: added, their query changed, an index added, and a view that another
 * view reads.
 */
@PgTest
class MigrationViewsIT {

    @Entity(name = "Doc")
    @Table(name = "doc")
    public static class Doc {
        @Id Long id;

        String owner;

        int size;
    }

    static final class V2 {
        @Entity(name = "DocCount")
        @Table(name = "doc_count")
        @Immutable
        @MaterializedView(query = "select owner as id, count(*) as docs from doc group by owner")
        @PgIndex(name = "doc_count_docs_idx", columns = "docs")
        public static class DocCount {
            @Id String id;

            long docs;
        }
    }

    static final class V3 {
        @Entity(name = "DocCount")
        @Table(name = "doc_count")
        @Immutable
        @MaterializedView(
                query =
                        "select owner as id, count(*) as docs from doc where size > 1 group by owner")
        @PgIndex(name = "doc_count_docs_idx", columns = "docs")
        public static class DocCount {
            @Id String id;

            long docs;
        }
    }

    static final class Plain1 {
        @Entity(name = "DocOwner")
        @Table(name = "doc_owner")
        @Immutable
        @View(query = "select id, owner from doc")
        public static class DocOwner {
            @Id Long id;

            String owner;
        }
    }

    static final class Plain2 {
        @Entity(name = "DocOwner")
        @Table(name = "doc_owner")
        @Immutable
        @View(query = "select id, owner, size from doc")
        public static class DocOwner {
            @Id Long id;

            String owner;

            int size;
        }
    }

    static final class Plain3 {
        @Entity(name = "DocOwner")
        @Table(name = "doc_owner")
        @Immutable
        @View(query = "select id, upper(owner) as owner from doc")
        public static class DocOwner {
            @Id Long id;

            String owner;
        }
    }

    static final class Reader {
        @Entity(name = "OwnerCount")
        @Table(name = "owner_count")
        @Immutable
        @MaterializedView(
                query = "select owner as id, count(*) as docs from doc_owner group by owner")
        public static class OwnerCount {
            @Id String id;

            long docs;
        }
    }

    @Test
    void aMaterializedViewIsAddedAndItsQueryChanged(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Doc.class)) {
            c.execute(
                    "insert into doc (id, owner, size) values (1, 'ann', 1), (2, 'ann', 2), (3, 'bob', 3)");
            PgMigrationPlan added = c.planner(Doc.class, V2.DocCount.class).plan();
            assertThat(MigrationCase.sql(added))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE MATERIALIZED VIEW public.doc_count AS")
                                            .endsWith("WITH DATA"))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE INDEX doc_count_docs_idx ON public.doc_count"));
            c.applyAndReplan(added, "doc", 3, Doc.class, V2.DocCount.class);
            assertThat(c.count("select docs from doc_count where id = 'ann'")).isEqualTo(2);

            assertThatThrownBy(() -> c.planner(Doc.class, V3.DocCount.class).plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("ACCESS_EXCLUSIVE_LOCK");
            PgMigrationPlan changed =
                    c.planner(Doc.class, V3.DocCount.class)
                            .allow(
                                    PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK,
                                    PgMigrationHazard.INDEX_DROPPED)
                            .plan();
            assertThat(MigrationCase.sql(changed))
                    .startsWith("DROP MATERIALIZED VIEW public.doc_count")
                    .anySatisfy(s -> assertThat(s).contains("size > 1"))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE INDEX doc_count_docs_idx"))
                    .anySatisfy(s -> assertThat(s).startsWith("COMMENT ON MATERIALIZED VIEW"));
            assertThat(changed.statements())
                    .filteredOn(s -> s.sql().startsWith("DROP MATERIALIZED VIEW"))
                    .allSatisfy(
                            s ->
                                    assertThat(s.hazards())
                                            .contains(PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK)
                                            .doesNotContain(PgMigrationHazard.DELETES_DATA));
            c.applyAndReplan(changed, "doc", 3, Doc.class, V3.DocCount.class);
            assertThat(c.count("select docs from doc_count where id = 'ann'")).isEqualTo(1);

            PgMigrationPlan dropped = c.planner(Doc.class).allow(PgMigrationHazard.values()).plan();
            assertThat(dropped.statements())
                    .filteredOn(s -> s.sql().equals("DROP MATERIALIZED VIEW public.doc_count"))
                    .singleElement()
                    .extracting(PgMigrationStatement::hazards)
                    .satisfies(
                            h ->
                                    assertThat(h)
                                            .contains(
                                                    PgMigrationHazard.DELETES_DATA,
                                                    PgMigrationHazard.INDEX_DROPPED));
            c.applyAndReplan(dropped, "doc", 3, Doc.class);
        }
    }

    @Test
    void aPlainViewIsAddedReplacedAndRebuilt(PgTestDatabase db) {
        try (MigrationCase c = MigrationCase.of(db, Doc.class)) {
            c.execute("insert into doc (id, owner, size) values (1, 'ann', 1), (2, 'bob', 2)");
            PgMigrationPlan added = c.planner(Doc.class, Plain1.DocOwner.class).plan();
            assertThat(MigrationCase.sql(added))
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE VIEW public.doc_owner AS"));
            c.applyAndReplan(added, "doc", 2, Doc.class, Plain1.DocOwner.class);

            PgMigrationPlan wider = c.planner(Doc.class, Plain2.DocOwner.class).plan();
            assertThat(MigrationCase.sql(wider))
                    .singleElement()
                    .satisfies(
                            s ->
                                    assertThat(s)
                                            .startsWith(
                                                    "CREATE OR REPLACE VIEW public.doc_owner AS"));
            c.applyAndReplan(wider, "doc", 2, Doc.class, Plain2.DocOwner.class);

            PgMigrationPlan other = c.planner(Doc.class, Plain3.DocOwner.class).plan();
            assertThat(MigrationCase.sql(other))
                    .startsWith("DROP VIEW public.doc_owner")
                    .anySatisfy(s -> assertThat(s).startsWith("CREATE VIEW public.doc_owner AS"));
            c.applyAndReplan(other, "doc", 2, Doc.class, Plain3.DocOwner.class);
            assertThat(c.count("select count(*) from doc_owner where owner = 'ANN'")).isOne();
        }
    }

    @Test
    void aViewThatAnotherViewReadsIsAHazardAndIsRebuiltWithIt(PgTestDatabase db) {
        try (MigrationCase c =
                MigrationCase.of(db, Doc.class, Plain1.DocOwner.class, Reader.OwnerCount.class)) {
            c.execute("insert into doc (id, owner, size) values (1, 'ann', 1), (2, 'ann', 2)");
            c.execute("refresh materialized view owner_count");
            assertThatThrownBy(
                            () ->
                                    c.planner(
                                                    Doc.class,
                                                    Plain3.DocOwner.class,
                                                    Reader.OwnerCount.class)
                                            .allow(PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK)
                                            .plan())
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("HAS_DEPENDENTS")
                    .hasMessageContaining("read by public.owner_count");
            PgMigrationPlan plan =
                    c.planner(Doc.class, Plain3.DocOwner.class, Reader.OwnerCount.class)
                            .allow(
                                    PgMigrationHazard.ACCESS_EXCLUSIVE_LOCK,
                                    PgMigrationHazard.HAS_DEPENDENTS)
                            .plan();
            assertThat(MigrationCase.sql(plan))
                    .startsWith(
                            "DROP MATERIALIZED VIEW public.owner_count",
                            "DROP VIEW public.doc_owner")
                    .noneSatisfy(s -> assertThat(s).containsIgnoringCase("cascade"));
            assertThat(
                            MigrationCase.sql(plan)
                                    .indexOf(
                                            MigrationCase.sql(plan).stream()
                                                    .filter(
                                                            s ->
                                                                    s.startsWith(
                                                                            "CREATE VIEW public.doc_owner"))
                                                    .findFirst()
                                                    .orElseThrow()))
                    .isLessThan(
                            MigrationCase.sql(plan)
                                    .indexOf(
                                            MigrationCase.sql(plan).stream()
                                                    .filter(
                                                            s ->
                                                                    s.startsWith(
                                                                            "CREATE MATERIALIZED VIEW public.owner_count"))
                                                    .findFirst()
                                                    .orElseThrow()));
            c.applyAndReplan(
                    plan, "doc", 2, Doc.class, Plain3.DocOwner.class, Reader.OwnerCount.class);
            assertThat(c.count("select docs from owner_count where id = 'ANN'")).isEqualTo(2);
        }
    }

    @Test
    void anIndexOnAnUnchangedMaterializedViewIsBuiltConcurrently(
            PgTestDatabase db, @TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("V1__docs.sql"),
                """
                create table doc (id bigint not null, owner varchar(255), size integer not null,
                    primary key (id));
                create materialized view doc_count as
                    select owner as id, count(*) as docs from doc group by owner;
                """);
        PgMigrationPlan plan =
                PgMigrations.planner()
                        .entities(Doc.class, V2.DocCount.class)
                        .scratch(db.jdbcUrl(), db.user(), db.password())
                        .fromMigrations(dir)
                        .allow(PgMigrationHazard.INDEX_BUILD)
                        .plan();
        assertThat(plan.statements())
                .filteredOn(s -> s.sql().startsWith("CREATE INDEX CONCURRENTLY doc_count_docs_idx"))
                .singleElement()
                .satisfies(s -> assertThat(s.transactional()).isFalse());
        assertThat(MigrationCase.sql(plan))
                .noneSatisfy(s -> assertThat(s).contains("DROP MATERIALIZED VIEW"));
    }
}
