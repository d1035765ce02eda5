package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.extension.PgExtension;
import dev.pgorm.ddl.index.IndexMethod;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.inheritance.Inherits;
import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.PolicyCommand;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.trigger.PgTrigger;
import dev.pgorm.ddl.trigger.TriggerEvent;
import dev.pgorm.ddl.trigger.TriggerLevel;
import dev.pgorm.ddl.trigger.TriggerTiming;
import dev.pgorm.ddl.view.MaterializedView;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Annotations that cannot work fail at boot, naming the entity, the annotation and the fix. */
@PgTest
class DdlBootErrorsIT {

    private static void failsWith(PgTestDatabase db, Class<?> entity, String... fragments) {
        assertThatThrownBy(() -> db.entityManagerFactory(entity))
                .satisfies(
                        thrown -> {
                            Throwable deepest = thrown;
                            while (deepest.getCause() != null) {
                                deepest = deepest.getCause();
                            }
                            assertThat(deepest.getMessage()).contains(fragments);
                        });
    }

    @Entity(name = "UnknownColumn")
    @PgIndex(columns = "atrs", method = IndexMethod.GIN)
    static class UnknownColumn {
        @Id Long id;
        String attrs;
    }

    @Test
    void unknownColumn(PgTestDatabase db) {
        failsWith(
                db,
                UnknownColumn.class,
                "@PgIndex(atrs) on entity UnknownColumn",
                "unknown attribute or column 'atrs'",
                "id, attrs");
    }

    @Entity(name = "QuotedPartition")
    @dev.pgorm.ddl.partition.Partitioned(
            strategy = dev.pgorm.ddl.partition.PartitionStrategy.HASH,
            key = "id")
    @dev.pgorm.ddl.partition.Partition(name = "part\"0", modulus = 1, remainder = 0)
    static class QuotedPartition {
        @Id Long id;
    }

    @Test
    void aPartitionNameCannotHoldADoubleQuote(PgTestDatabase db) {
        failsWith(
                db,
                QuotedPartition.class,
                "@Partition(name = \"part\"0\")",
                "cannot contain a double quote");
    }

    @jakarta.persistence.MappedSuperclass
    @PgIndex(name = "owned_tenant", columns = "tenant")
    abstract static class Owned {
        String tenant;
    }

    @Entity(name = "OwnedA")
    static class OwnedA extends Owned {
        @Id Long id;
    }

    @Entity(name = "OwnedB")
    static class OwnedB extends Owned {
        @Id Long id;
    }

    @Test
    void aNamedIndexOnAMappedSuperclassOfTwoEntitiesSaysHowToFixIt(PgTestDatabase db) {
        assertThatThrownBy(
                        () ->
                                db.entityManagerFactory(
                                        java.util.List.of(OwnedA.class, OwnedB.class),
                                        java.util.Map.of()))
                .satisfies(
                        thrown -> {
                            Throwable deepest = thrown;
                            while (deepest.getCause() != null) {
                                deepest = deepest.getCause();
                            }
                            assertThat(deepest.getMessage())
                                    .contains(
                                            "names a relation 'owned_tenant'",
                                            "(from mapped superclass Owned)",
                                            "leave an index's name empty");
                        });
    }

    @Entity(name = "SecuredView")
    @org.hibernate.annotations.Immutable
    @dev.pgorm.ddl.view.MaterializedView(query = "select 1::bigint as id")
    @dev.pgorm.ddl.rls.RowLevelSecurity
    static class SecuredView {
        @Id Long id;
    }

    @Test
    void aMaterializedViewCannotHaveRowLevelSecurity(PgTestDatabase db) {
        failsWith(
                db,
                SecuredView.class,
                "@MaterializedView on entity SecuredView",
                "cannot have @RowLevelSecurity");
    }

    @Entity(name = "PartitionedBooking")
    @dev.pgorm.ddl.partition.Partitioned(
            strategy = dev.pgorm.ddl.partition.PartitionStrategy.LIST,
            key = "roomId")
    @dev.pgorm.ddl.constraint.ExclusionConstraint(
            name = "partitioned_booking_no_overlap",
            using = "gist",
            elements = {"roomId WITH =", "id WITH ="})
    @jakarta.persistence.IdClass(PartitionedBookingId.class)
    static class PartitionedBooking {
        @Id Long id;
        @Id Long roomId;
    }

    public static class PartitionedBookingId implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        Long roomId;

        @Override
        public boolean equals(Object o) {
            return o instanceof PartitionedBookingId k
                    && java.util.Objects.equals(id, k.id)
                    && java.util.Objects.equals(roomId, k.roomId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, roomId);
        }
    }

    @Test
    void exclusionConstraintsOnPartitionedTablesNeedPostgreSql17(PgTestDatabase db) {
        int version =
                db.sql()
                        .queryValue(
                                "select current_setting('server_version_num')::int", Integer.class);
        if (version < 170000) {
            failsWith(
                    db,
                    PartitionedBooking.class,
                    "@ExclusionConstraint(name = \"partitioned_booking_no_overlap\")",
                    "PostgreSQL before 17 has no exclusion constraints on partitioned tables");
        } else {
            db.close(db.entityManagerFactory(PartitionedBooking.class));
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select count(*) from pg_constraint where conname ="
                                                    + " 'partitioned_booking_no_overlap' and contype"
                                                    + " = 'x' and conrelid ="
                                                    + " 'partitionedbooking'::regclass",
                                            Long.class))
                    .isEqualTo(1L);
        }
    }

    @Entity(name = "NullsNotDistinctCode")
    @PgIndex(
            name = "nnd_code_region",
            columns = {"code", "region"},
            unique = true,
            nullsNotDistinct = true)
    static class NullsNotDistinctCode {
        @Id Long id;
        String code;
        String region;
    }

    @Test
    void nullsNotDistinctNeedsPostgreSql15(PgTestDatabase db) {
        int version =
                db.sql()
                        .queryValue(
                                "select current_setting('server_version_num')::int", Integer.class);
        if (version < 150000) {
            failsWith(
                    db,
                    NullsNotDistinctCode.class,
                    "@PgIndex(name = \"nnd_code_region\") on entity NullsNotDistinctCode",
                    "PostgreSQL before 15 has no NULLS NOT DISTINCT");
        } else {
            db.close(db.entityManagerFactory(NullsNotDistinctCode.class));
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select indexdef from pg_indexes where indexname ="
                                                    + " 'nnd_code_region' and schemaname ="
                                                    + " current_schema()",
                                            String.class))
                    .endsWith("(code, region) NULLS NOT DISTINCT");
        }
    }

    @Entity(name = "PolicyOnOddColumn")
    @dev.pgorm.ddl.rls.RowLevelSecurity
    @dev.pgorm.ddl.rls.Policy(name = "by_tenant", column = "tenant", setting = "app.tenant")
    static class PolicyOnOddColumn {
        @Id Long id;

        @jakarta.persistence.Column(columnDefinition = "varchar(64) as (lower(name))")
        String tenant;

        String name;
    }

    @Test
    void aGeneratedPolicyNeedsATypeItCanCastTo(PgTestDatabase db) {
        failsWith(
                db,
                PolicyOnOddColumn.class,
                "@Policy(name = \"by_tenant\") on entity PolicyOnOddColumn",
                "cannot tell the type of column tenant",
                "using/withCheck");
    }

    @Entity(name = "HnswOnText")
    @PgIndex(columns = "title", method = IndexMethod.HNSW)
    static class HnswOnText {
        @Id Long id;
        String title;
    }

    @Test
    void hnswNeedsAVectorColumn(PgTestDatabase db) {
        failsWith(
                db,
                HnswOnText.class,
                "HNSW indexes need a vector",
                "column title is varchar(255)",
                "@JdbcTypeCode(SqlTypes.VECTOR)");
    }

    @Entity(name = "UniqueGin")
    @PgIndex(columns = "title", method = IndexMethod.GIN, unique = true)
    static class UniqueGin {
        @Id Long id;
        String title;
    }

    @Test
    void uniqueNeedsBtree(PgTestDatabase db) {
        failsWith(db, UniqueGin.class, "unique indexes only with method BTREE");
    }

    @Entity(name = "SneakyWith")
    @PgIndex(columns = "title", with = "fillfactor = 70); drop table victim; --")
    static class SneakyWith {
        @Id Long id;
        String title;
    }

    @Test
    void storageParametersAreChecked(PgTestDatabase db) {
        failsWith(db, SneakyWith.class, "is not a list of storage parameters");
    }

    @Entity(name = "LongName")
    @PgIndex(
            name = "an_index_name_that_is_far_too_long_for_postgresql_to_keep_as_written",
            columns = "title")
    static class LongName {
        @Id Long id;
        String title;
    }

    @Test
    void namesOver63BytesAreRejected(PgTestDatabase db) {
        failsWith(db, LongName.class, "index name", "68 bytes long", "at most 63");
    }

    @Entity(name = "BadPartitionKey")
    @Partitioned(strategy = PartitionStrategy.RANGE, key = "day")
    @Partition(name = "bad_2026", from = "2026-01-01", to = "2027-01-01")
    static class BadPartitionKey {
        @Id Long id;
        LocalDate day;
    }

    @Test
    void primaryKeyMustContainThePartitionKey(PgTestDatabase db) {
        failsWith(
                db,
                BadPartitionKey.class,
                "primary key (id) does not contain the partition key (day)",
                "@IdClass or @EmbeddedId");
    }

    @Entity(name = "PolicyWithoutRls")
    @Policy(name = "p", using = "true")
    static class PolicyWithoutRls {
        @Id Long id;
    }

    @Test
    void policiesNeedRowLevelSecurity(PgTestDatabase db) {
        failsWith(db, PolicyWithoutRls.class, "add @RowLevelSecurity");
    }

    @Entity(name = "InsertWithUsing")
    @RowLevelSecurity
    @Policy(name = "p", command = PolicyCommand.INSERT, using = "true")
    static class InsertWithUsing {
        @Id Long id;
    }

    @Test
    void insertPoliciesTakeOnlyWithCheck(PgTestDatabase db) {
        failsWith(db, InsertWithUsing.class, "an INSERT policy can only have withCheck");
    }

    @Entity(name = "MutableView")
    @MaterializedView(query = "select 1 as id")
    static class MutableView {
        @Id Long id;
    }

    @Test
    void materializedViewsMustBeImmutable(PgTestDatabase db) {
        failsWith(db, MutableView.class, "add @org.hibernate.annotations.Immutable");
    }

    @Entity(name = "TruncatePerRow")
    @PgTrigger(
            name = "t",
            timing = TriggerTiming.AFTER,
            events = TriggerEvent.TRUNCATE,
            forEach = TriggerLevel.ROW,
            function = "f")
    static class TruncatePerRow {
        @Id Long id;
    }

    @Test
    void truncateTriggersArePerStatement(PgTestDatabase db) {
        failsWith(db, TruncatePerRow.class, "TRUNCATE triggers must be forEach = STATEMENT");
    }

    @Entity(name = "Orphan")
    @Inherits(String.class)
    static class Orphan {
        @Id Long id;
    }

    @Test
    void inheritsNeedsAnEntity(PgTestDatabase db) {
        failsWith(db, Orphan.class, "java.lang.String is not an entity of this persistence unit");
    }

    @Entity(name = "NeedsMissingExtension")
    @PgExtension("pgorm_no_such_extension")
    static class NeedsMissingExtension {
        @Id Long id;
    }

    @Test
    void missingExtensionNamesItAndTheEntity(PgTestDatabase db) {
        failsWith(
                db,
                NeedsMissingExtension.class,
                "extension 'pgorm_no_such_extension' is neither installed nor available",
                "@PgExtension on entity NeedsMissingExtension");
    }

    @Entity(name = "FirstIndexed")
    @PgIndex(name = "shared_idx", columns = "title")
    static class FirstIndexed {
        @Id Long id;
        String title;
    }

    @Entity(name = "SecondIndexed")
    @PgIndex(name = "shared_idx", columns = "title")
    static class SecondIndexed {
        @Id Long id;
        String title;
    }

    @Test
    void relationNamesMustBeUniquePerSchema(PgTestDatabase db) {
        assertThatThrownBy(() -> db.entityManagerFactory(FirstIndexed.class, SecondIndexed.class))
                .satisfies(
                        thrown -> {
                            Throwable deepest = thrown;
                            while (deepest.getCause() != null) {
                                deepest = deepest.getCause();
                            }
                            assertThat(deepest.getMessage())
                                    .contains(
                                            "names a relation 'shared_idx'",
                                            "uses that name already");
                        });
    }

    @Entity(name = "IndexNamedLikeATable")
    @PgIndex(
            name = "firstindexed",
            columns = "title") // the table FirstIndexed is stored as firstindexed
    static class IndexNamedLikeATable {
        @Id Long id;
        String title;
    }

    @Test
    void indexNamesMustNotClashWithTables(PgTestDatabase db) {
        assertThatThrownBy(
                        () ->
                                db.entityManagerFactory(
                                        FirstIndexed.class, IndexNamedLikeATable.class))
                .satisfies(
                        thrown -> {
                            Throwable deepest = thrown;
                            while (deepest.getCause() != null) {
                                deepest = deepest.getCause();
                            }
                            assertThat(deepest.getMessage())
                                    .contains("'firstindexed'", "the table of entity FirstIndexed");
                        });
    }
}
