package dev.pgorm.ddl.partition.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;

/** What {@code PgPartitions} tells the caller when it refuses or fails, each with what to do. */
final class PartitionMessages {

    private PartitionMessages() {}

    static IllegalArgumentException argumentsMissing() {
        return new IllegalArgumentException("from, to and step must not be null");
    }

    static IllegalArgumentException emptyRange(LocalDate from, LocalDate to) {
        return new IllegalArgumentException("from " + from + " must be before to " + to);
    }

    static IllegalArgumentException stepNotPositive(Period step) {
        return new IllegalArgumentException("step " + step + " must be positive");
    }

    static IllegalStateException tableMissing(String table, Class<?> entity) {
        return new IllegalStateException(
                "table "
                        + table
                        + " of entity "
                        + entity.getName()
                        + " does not exist; create the schema first");
    }

    static IllegalStateException notPartitioned(String table, Class<?> entity) {
        return new IllegalStateException(
                "table "
                        + table
                        + " of entity "
                        + entity.getName()
                        + " is not partitioned; annotate the entity with @Partitioned and re-create its table");
    }

    static IllegalStateException notRangeOnDate(ParentTable parent) {
        return new IllegalStateException(
                "table "
                        + parent.name()
                        + " must be RANGE-partitioned on one date, timestamp or timestamptz column for this operation"
                        + (parent.keyType() == null ? "" : "; its key is " + parent.keyType()));
    }

    static IllegalStateException notReadCommitted(String isolation) {
        return new IllegalStateException(
                "PgPartitions needs a READ COMMITTED transaction, but this one is "
                        + isolation
                        + ": its snapshot would hide partitions that concurrent callers create");
    }

    static IllegalStateException overlaps(
            ParentTable parent, RangeSteps.Step step, PartitionRange existing) {
        return new IllegalStateException(
                "cannot create a partition of "
                        + parent.name()
                        + " for ["
                        + step.lower()
                        + ", "
                        + step.upper()
                        + "): it overlaps partition "
                        + existing.name()
                        + " without being inside it; choose a step that lines up with it");
    }

    static IllegalStateException createFailed(
            String partition, ParentTable parent, RangeSteps.Step step, SQLException cause) {
        return new IllegalStateException(
                "could not create partition "
                        + partition
                        + " of "
                        + parent.name()
                        + " for ["
                        + step.lower()
                        + ", "
                        + step.upper()
                        + "): "
                        + cause.getMessage(),
                cause);
    }
}
