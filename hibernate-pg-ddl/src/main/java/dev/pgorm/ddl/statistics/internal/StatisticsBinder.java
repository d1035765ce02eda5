package dev.pgorm.ddl.statistics.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.statistics.PgStatistics;
import dev.pgorm.ddl.statistics.StatisticsKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.mapping.Column;

/** Checks each {@link PgStatistics} of an entity and turns it into a {@link StatisticsObject}. */
public final class StatisticsBinder {

    private StatisticsBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        for (PgStatistics statistics : entity.annotations(PgStatistics.class)) {
            registry.add(DdlOrder.STATISTICS, statistics(entity, statistics));
        }
    }

    static StatisticsObject statistics(EntityTable entity, PgStatistics statistics) {
        String label = "@PgStatistics(name = \"" + statistics.name() + "\")";
        try {
            PgIdentifiers.requireValid(statistics.name(), "statistics name");
        } catch (IllegalArgumentException e) {
            throw entity.fail(label, e.getMessage());
        }
        if (statistics.name().contains("$pgorm")) {
            throw entity.fail(
                    label, "the name must not contain $pgorm, which PG-ORM uses to quote blocks");
        }
        if (statistics.columns().length < 2) {
            throw entity.fail(
                    label,
                    "name at least two columns: statistics on one column are what ANALYZE keeps"
                            + " anyway");
        }
        List<String> columns = new ArrayList<>();
        for (String reference : statistics.columns()) {
            Column column = entity.column(reference, label);
            String sql = entity.sql(column);
            if (columns.contains(sql)) {
                throw entity.fail(label, "column " + column.getName() + " is named twice");
            }
            columns.add(sql);
        }
        Set<StatisticsKind> seen = EnumSet.noneOf(StatisticsKind.class);
        List<String> kinds = new ArrayList<>();
        for (StatisticsKind kind : statistics.kinds()) {
            if (!seen.add(kind)) {
                throw entity.fail(label, "kind " + kind + " is named twice");
            }
            kinds.add(kind.sql());
        }
        return new StatisticsObject(
                statistics.name(),
                entity.table(),
                kinds,
                columns,
                label + " on entity " + entity.describe());
    }
}
