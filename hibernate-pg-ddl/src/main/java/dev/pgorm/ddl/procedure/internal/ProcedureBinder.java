package dev.pgorm.ddl.procedure.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import dev.pgorm.ddl.procedure.PgProcedure;
import dev.pgorm.ddl.trigger.internal.FunctionObject;
import org.hibernate.MappingException;

/** Checks {@link PgProcedure} on an entity and its package. */
public final class ProcedureBinder {

    private ProcedureBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        Class<?> type = entity.javaClass();
        for (PgProcedure procedure : type.getAnnotationsByType(PgProcedure.class)) {
            add(
                    registry,
                    procedure,
                    "@PgProcedure(name = \""
                            + procedure.name()
                            + "\") on entity "
                            + entity.describe());
        }
        Package pkg = type.getPackage();
        if (pkg != null) {
            for (PgProcedure procedure : pkg.getAnnotationsByType(PgProcedure.class)) {
                add(
                        registry,
                        procedure,
                        "@PgProcedure(name = \""
                                + procedure.name()
                                + "\") on package "
                                + pkg.getName());
            }
        }
    }

    /**
     * Validates and renders {@code name} or {@code schema.name}.
     *
     * @throws IllegalArgumentException when it is neither, or a part is not a valid name
     */
    static String render(String name, String what) {
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(
                    "'" + name + "': a " + what + " is name or schema.name");
        }
        return PgIdentifiers.renderQualified(
                parts.length == 2 ? PgIdentifiers.requireValid(parts[0], what) : null,
                PgIdentifiers.requireValid(parts[parts.length - 1], what));
    }

    private static void add(DdlRegistry registry, PgProcedure procedure, String where) {
        String[] parts = procedure.name().split("\\.", -1);
        String rendered;
        String body;
        try {
            rendered = render(procedure.name(), "procedure name");
            body = SqlText.dollarQuoted(procedure.body(), where);
        } catch (IllegalArgumentException e) {
            throw new MappingException("PG-ORM: " + where + ": " + e.getMessage());
        }
        if (!procedure.language().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MappingException(
                    "PG-ORM: "
                            + where
                            + ": language '"
                            + procedure.language()
                            + "' is not a language name");
        }
        String definition =
                "create or replace procedure "
                        + rendered
                        + "("
                        + procedure.arguments().trim()
                        + ") language "
                        + procedure.language()
                        + " as "
                        + body;
        registry.addOnce(
                DdlOrder.FUNCTIONS,
                FunctionObject.procedure(
                        parts.length == 2 ? parts[0] : null,
                        parts[parts.length - 1],
                        rendered,
                        rendered + "(" + SqlText.withoutDefaults(procedure.arguments()) + ")",
                        definition,
                        where),
                definition);
    }
}
