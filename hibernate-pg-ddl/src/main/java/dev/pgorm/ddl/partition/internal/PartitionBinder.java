package dev.pgorm.ddl.partition.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.index.PgIndex;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import dev.pgorm.ddl.partition.Partition;
import dev.pgorm.ddl.partition.PartitionStrategy;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.table.internal.TableOptions;
import dev.pgorm.ddl.table.internal.TableOptionsBinder;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.annotations.PartitionKey;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.UniqueKey;

/** Checks {@link Partitioned} and {@link Partition} on an entity. */
public final class PartitionBinder {

    private PartitionBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        Partitioned partitioned = entity.javaClass().getAnnotation(Partitioned.class);
        Partition[] partitions = entity.javaClass().getAnnotationsByType(Partition.class);
        if (partitioned == null) {
            if (partitions.length > 0) {
                throw entity.fail(
                        "@Partition(name = \"" + partitions[0].name() + "\")",
                        "partitions need @Partitioned on the entity");
            }
            return;
        }
        String label = "@Partitioned(strategy = " + partitioned.strategy() + ")";
        List<String> keyRefs = new ArrayList<>(List.of(partitioned.key()));
        if (keyRefs.isEmpty()) {
            keyRefs.addAll(partitionKeyAttributes(entity.javaClass()));
        }
        if (keyRefs.isEmpty()) {
            throw entity.fail(
                    label,
                    "name the partition key with key = \"...\" or mark its attribute with @PartitionKey");
        }
        if (partitioned.strategy() != PartitionStrategy.HASH
                && partitioned.strategy() != PartitionStrategy.RANGE
                && keyRefs.size() > 1) {
            throw entity.fail(label, "LIST partitioning takes exactly one key column");
        }
        List<Column> key = new ArrayList<>();
        for (String ref : keyRefs) {
            key.add(entity.column(ref, label));
        }
        List<String> keyNames = new ArrayList<>();
        List<String> keySql = new ArrayList<>();
        for (Column c : key) {
            keyNames.add(c.getName());
            keySql.add(entity.sql(c));
        }
        List<String> pk = entity.primaryKeyColumns();
        if (!pk.isEmpty() && !pk.containsAll(keyNames)) {
            throw entity.fail(
                    label,
                    "its primary key ("
                            + String.join(", ", pk)
                            + ") does not contain the partition key ("
                            + String.join(", ", keyNames)
                            + "), which PostgreSQL requires: make the identifier include "
                            + String.join(", ", keyNames)
                            + " with @IdClass or @EmbeddedId");
        }
        for (UniqueKey uk : entity.table().getUniqueKeys().values()) {
            List<String> cols = new ArrayList<>();
            for (Column c : uk.getColumns()) {
                cols.add(c.getName());
            }
            if (!cols.containsAll(keyNames)) {
                throw entity.fail(
                        label,
                        "unique key "
                                + uk.getName()
                                + " ("
                                + String.join(", ", cols)
                                + ") does not contain the partition key ("
                                + String.join(", ", keyNames)
                                + "); PostgreSQL requires it: add the key columns or drop the constraint");
            }
        }
        for (PgIndex index : entity.annotations(PgIndex.class)) {
            if (index.unique()) {
                List<String> cols = new ArrayList<>();
                for (String ref : index.columns()) {
                    cols.add(
                            entity.column(ref, "@PgIndex(name = \"" + index.name() + "\")")
                                    .getName());
                }
                if (!cols.containsAll(keyNames)) {
                    throw entity.fail(
                            "@PgIndex(name = \"" + index.name() + "\", unique = true)",
                            "a unique index on a partitioned table must contain the partition key ("
                                    + String.join(", ", keyNames)
                                    + ")");
                }
            }
        }
        String options =
                "partition by "
                        + partitioned.strategy().name().toLowerCase(Locale.ROOT)
                        + " ("
                        + String.join(", ", keySql)
                        + ")";
        String existing = entity.table().getOptions();
        entity.table()
                .setOptions(
                        existing == null || existing.isBlank()
                                ? options
                                // PARTITION BY must come before USING, WITH and TABLESPACE.
                                : options + " " + existing);

        List<String> names = new ArrayList<>();
        List<String> bounds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean hasDefault = false;
        for (Partition p : partitions) {
            String plabel = "@Partition(name = \"" + p.name() + "\")";
            try {
                PgIdentifiers.requireValid(p.name(), "partition name");
            } catch (IllegalArgumentException e) {
                throw entity.fail(plabel, e.getMessage());
            }
            if (p.name().indexOf('"') >= 0) {
                // rendered through Hibernate's Identifier, which quotes without doubling quotes
                throw entity.fail(plabel, "a partition name cannot contain a double quote");
            }
            if (!seen.add(p.name())) {
                throw entity.fail(plabel, "two partitions have this name");
            }
            registry.claimRelation(
                    entity.table().getSchema(),
                    p.name(),
                    plabel + " on entity " + entity.describe());
            if (p.isDefault()) {
                if (partitioned.strategy() == PartitionStrategy.HASH) {
                    throw entity.fail(plabel, "HASH partitioning has no default partition");
                }
                if (hasDefault) {
                    throw entity.fail(plabel, "there can be only one default partition");
                }
                if (p.from().length + p.to().length + p.values().length > 0 || p.modulus() != 0) {
                    throw entity.fail(
                            plabel, "a default partition takes no bounds, values or modulus");
                }
                hasDefault = true;
                names.add(p.name());
                bounds.add("default");
                continue;
            }
            List<Boolean> zoned = new ArrayList<>();
            for (Column c : key) {
                String type = entity.sqlType(c);
                zoned.add(type.contains("with time zone") || type.startsWith("timestamptz"));
            }
            bounds.add(bound(entity, partitioned.strategy(), zoned, p, plabel));
            names.add(p.name());
        }
        TableOptions storage = TableOptionsBinder.options(entity);
        registry.add(
                DdlOrder.PARTITIONS,
                new PartitionObject(
                        entity.table(),
                        partitioned.strategy().name(),
                        names,
                        bounds,
                        storage == null ? "" : storage.partitionClauses(),
                        label + " on entity " + entity.describe()));
    }

    private static String bound(
            EntityTable entity,
            PartitionStrategy strategy,
            List<Boolean> zoned,
            Partition p,
            String label) {
        int keySize = zoned.size();
        switch (strategy) {
            case RANGE:
                if (p.values().length > 0 || p.modulus() != 0 || p.remainder() != -1) {
                    throw entity.fail(label, "a RANGE partition takes from and to only");
                }
                if (p.from().length != keySize || p.to().length != keySize) {
                    throw entity.fail(
                            label,
                            "a RANGE partition needs from and to with one value per key column ("
                                    + keySize
                                    + ")");
                }
                return "for values from ("
                        + rangeValues(p.from(), zoned)
                        + ") to ("
                        + rangeValues(p.to(), zoned)
                        + ")";
            case LIST:
                if (p.from().length + p.to().length > 0
                        || p.modulus() != 0
                        || p.remainder() != -1) {
                    throw entity.fail(label, "a LIST partition takes values only");
                }
                if (p.values().length == 0) {
                    throw entity.fail(label, "a LIST partition needs at least one value");
                }
                List<String> values = new ArrayList<>();
                for (String v : p.values()) {
                    values.add(SqlText.literal(v));
                }
                return "for values in (" + String.join(", ", values) + ")";
            case HASH:
            default:
                if (p.from().length + p.to().length + p.values().length > 0) {
                    throw entity.fail(label, "a HASH partition takes modulus and remainder only");
                }
                if (p.modulus() <= 0 || p.remainder() < 0 || p.remainder() >= p.modulus()) {
                    throw entity.fail(
                            label,
                            "a HASH partition needs modulus > 0 and 0 <= remainder < modulus");
                }
                return "for values with (modulus "
                        + p.modulus()
                        + ", remainder "
                        + p.remainder()
                        + ")";
        }
    }

    /** A date or date-time without a zone: on a timestamptz key it is read as UTC. */
    private static final Pattern LOCAL_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?)?");

    /**
     * Writes range bounds. On a {@code timestamptz} key column a bound without a zone is spelled
     * out in UTC ({@code 2026-01-01 00:00:00+00}), as {@code PgPartitions.ensureRange} does: left
     * to the session's time zone, the declared partitions and the ones created at run time would
     * not meet.
     */
    private static String rangeValues(String[] values, List<Boolean> zoned) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String t = values[i].trim();
            if (t.equalsIgnoreCase("minvalue") || t.equalsIgnoreCase("maxvalue")) {
                out.add(t.toLowerCase(Locale.ROOT));
            } else if (zoned.get(i) && LOCAL_TIMESTAMP.matcher(t).matches()) {
                out.add(
                        SqlText.literal(
                                (t.length() == 10 ? t + " 00:00:00" : t.replace('T', ' '))
                                        + "+00"));
            } else {
                out.add(SqlText.literal(values[i]));
            }
        }
        return String.join(", ", out);
    }

    private static List<String> partitionKeyAttributes(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(PartitionKey.class)) {
                    names.add(f.getName());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(PartitionKey.class)
                        && m.getName().startsWith("get")
                        && m.getName().length() > 3) {
                    names.add(
                            Character.toLowerCase(m.getName().charAt(3))
                                    + m.getName().substring(4));
                }
            }
        }
        return names;
    }
}
