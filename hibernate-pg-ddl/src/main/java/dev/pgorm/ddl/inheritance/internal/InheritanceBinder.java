package dev.pgorm.ddl.inheritance.internal;

import dev.pgorm.ddl.inheritance.Inherits;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import org.hibernate.mapping.Column;

/** Checks {@link Inherits}: the parent is an entity and the child has all of its columns. */
public final class InheritanceBinder {

    private InheritanceBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        Inherits inherits = entity.javaClass().getAnnotation(Inherits.class);
        if (inherits == null) {
            return;
        }
        String label = "@Inherits(" + inherits.value().getSimpleName() + ".class)";
        EntityTable parent = registry.entityFor(inherits.value());
        if (parent == null) {
            throw entity.fail(
                    label,
                    inherits.value().getName()
                            + " is not an entity of this persistence unit; list it with the other entities");
        }
        if (parent.table() == entity.table()) {
            throw entity.fail(
                    label,
                    "the entity shares its table with "
                            + parent.describe()
                            + " (JPA inheritance); table inheritance needs two tables");
        }
        for (Column pc : parent.table().getColumns()) {
            Column match = null;
            for (Column cc : entity.table().getColumns()) {
                if (cc.getName().equals(pc.getName())) {
                    match = cc;
                }
            }
            if (match == null) {
                throw entity.fail(
                        label,
                        "table "
                                + entity.tableName()
                                + " lacks column "
                                + pc.getName()
                                + " of parent table "
                                + parent.tableName()
                                + "; share the parent's attributes through a @MappedSuperclass");
            }
            if (!entity.sqlType(match).equals(parent.sqlType(pc))) {
                throw entity.fail(
                        label,
                        "column "
                                + pc.getName()
                                + " is "
                                + entity.sqlType(match)
                                + " but "
                                + parent.sqlType(pc)
                                + " in parent table "
                                + parent.tableName()
                                + "; give them the same type");
            }
        }
        registry.add(
                DdlOrder.INHERITANCE,
                new InheritanceObject(
                        entity.table(), parent.table(), label + " on entity " + entity.describe()));
    }
}
