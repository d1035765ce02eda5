package dev.pgorm.ddl.constraint.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.constraint.ExclusionConstraint;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.partition.Partitioned;
import dev.pgorm.ddl.spi.EntityAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.mapping.Column;

/** Checks {@link ExclusionConstraint} and resolves plain names to the entity's columns. */
public final class ExclusionBinder {

    private static final Pattern ELEMENT =
            Pattern.compile("(?is)\\s*(.+?)\\s+with\\s+([-=<>@#&|!~*+/%^?]+)\\s*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern METHOD = Pattern.compile("[a-z_][a-z0-9_]*");

    private ExclusionBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        for (ExclusionConstraint constraint : entity.annotations(ExclusionConstraint.class)) {
            String label = "@ExclusionConstraint(name = \"" + constraint.name() + "\")";
            if (entity.javaClass().isAnnotationPresent(Partitioned.class)
                    && entity.dialect().getVersion().isBefore(17)) {
                throw entity.fail(
                        label,
                        "PostgreSQL before 17 has no exclusion constraints on partitioned tables"
                                + " (the dialect says "
                                + entity.dialect().getVersion()
                                + "): declare it on each partition's table, or use PostgreSQL 17");
            }
            try {
                PgIdentifiers.requireValid(constraint.name(), "constraint name");
            } catch (IllegalArgumentException e) {
                throw entity.fail(label, e.getMessage());
            }
            // The constraint's index takes the constraint's name.
            registry.claimRelation(
                    entity.table().getSchema(),
                    constraint.name(),
                    label
                            + " on entity "
                            + entity.describe()
                            + EntityAnnotations.origin(entity.javaClass(), constraint));
            String using = constraint.using().trim().toLowerCase(Locale.ROOT);
            if (!METHOD.matcher(using).matches()) {
                throw entity.fail(
                        label,
                        "using = \""
                                + constraint.using()
                                + "\" is not an index method name such as gist");
            }
            if (constraint.where().contains("$pgorm")
                    || String.join(" ", constraint.elements()).contains("$pgorm")) {
                throw entity.fail(
                        label,
                        "elements and where must not contain $pgorm, which PG-ORM uses to quote generated blocks");
            }
            if (constraint.elements().length == 0) {
                throw entity.fail(label, "give at least one element such as \"roomId WITH =\"");
            }
            List<String> elements = new ArrayList<>();
            boolean needsBtreeGist = false;
            for (String element : constraint.elements()) {
                Matcher m = ELEMENT.matcher(element);
                if (!m.matches()) {
                    throw entity.fail(
                            label,
                            "element \""
                                    + element
                                    + "\" must be <column or expression> WITH <operator>, for example \"roomId WITH =\"");
                }
                String target = m.group(1).trim();
                String operator = m.group(2);
                if (NAME.matcher(target).matches()) {
                    Column column = entity.column(target, label);
                    target = entity.sql(column);
                    String type = entity.sqlType(column);
                    if (using.equals("gist")
                            && !type.contains("range")
                            && !type.startsWith("geometry")
                            && !type.startsWith("geography")
                            && !type.equals("tsvector")
                            && !type.startsWith("point")
                            && !type.startsWith("box")) {
                        needsBtreeGist = true;
                    }
                }
                elements.add(target + " with " + operator);
            }
            if (needsBtreeGist) {
                registry.needExtension(
                        "btree_gist",
                        "",
                        label
                                + " on entity "
                                + entity.describe()
                                + " (scalar columns in a GiST constraint)");
            }
            String definition =
                    "exclude using "
                            + using
                            + " ("
                            + String.join(", ", elements)
                            + ")"
                            + (constraint.where().isBlank()
                                    ? ""
                                    : " where (" + constraint.where().trim() + ")");
            registry.add(
                    DdlOrder.CONSTRAINTS,
                    new ExclusionObject(
                            entity.table(),
                            constraint.name(),
                            definition,
                            label + " on entity " + entity.describe()));
        }
    }
}
