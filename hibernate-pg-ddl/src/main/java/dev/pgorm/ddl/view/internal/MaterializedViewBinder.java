package dev.pgorm.ddl.view.internal;

import dev.pgorm.ddl.constraint.ExclusionConstraint;
import dev.pgorm.ddl.inheritance.Inherits;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.ddl.trigger.PgTrigger;
import dev.pgorm.ddl.trigger.TouchOnUpdate;
import dev.pgorm.ddl.view.MaterializedView;
import java.lang.annotation.Annotation;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.boot.model.relational.Namespace;

/**
 * Checks {@link MaterializedView} and takes the entity's table out of Hibernate's table list, so
 * that schema export creates the view instead of a table.
 */
public final class MaterializedViewBinder {

    private MaterializedViewBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        MaterializedView view = entity.javaClass().getAnnotation(MaterializedView.class);
        if (view == null) {
            return;
        }
        String label = "@MaterializedView";
        if (!entity.javaClass().isAnnotationPresent(Immutable.class)) {
            throw entity.fail(
                    label,
                    "a materialized view cannot be written: add @org.hibernate.annotations.Immutable to the entity");
        }
        // PostgreSQL has none of these for a materialized view
        List<Class<? extends Annotation>> refused =
                List.of(
                        RowLevelSecurity.class,
                        Policy.class,
                        PgTrigger.class,
                        TouchOnUpdate.class,
                        ExclusionConstraint.class,
                        Partitioned.class,
                        Inherits.class);
        for (Class<? extends Annotation> other : refused) {
            if (!entity.annotations(other).isEmpty()) {
                throw entity.fail(
                        label,
                        "a materialized view cannot have @"
                                + other.getSimpleName()
                                + " (PostgreSQL has no row-level security, triggers, constraints,"
                                + " partitions or inheritance for materialized views): remove it");
            }
        }
        if (view.query().contains("$pgorm")) {
            throw entity.fail(
                    label,
                    "query must not contain $pgorm, which PG-ORM uses to quote generated blocks");
        }
        if (view.query().isBlank()) {
            throw entity.fail(label, "query must be the view's SELECT");
        }
        if (entity.entity().getRootClass() != entity.entity()) {
            throw entity.fail(
                    label, "a materialized view entity cannot take part in JPA inheritance");
        }
        for (Namespace namespace : entity.metadata().getDatabase().getNamespaces()) {
            namespace.getTables().remove(entity.table());
        }
        registry.add(
                DdlOrder.VIEWS,
                new MaterializedViewObject(
                        entity.table(),
                        view.query().trim(),
                        view.withData(),
                        label + " on entity " + entity.describe()));
    }
}
