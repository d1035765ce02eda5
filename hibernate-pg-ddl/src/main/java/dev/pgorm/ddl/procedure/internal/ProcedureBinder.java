package dev.pgorm.ddl.procedure.internal;

import dev.pgorm.core.internal.PgQualifiedName;
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

    private static void add(DdlRegistry registry, PgProcedure procedure, String where) {
        PgQualifiedName parsed;
        String body;
        try {
            parsed = PgQualifiedName.parse(procedure.name(), "procedure name");
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
                        + parsed.render()
                        + "("
                        + procedure.arguments().trim()
                        + ") language "
                        + procedure.language()
                        + " as "
                        + body;
        registry.addOnce(
                DdlOrder.FUNCTIONS,
                FunctionObject.procedure(
                        parsed.schema(),
                        parsed.name(),
                        parsed.render(),
                        parsed.render()
                                + "("
                                + SqlText.withoutDefaults(procedure.arguments())
                                + ")",
                        definition,
                        where),
                definition);
    }
}
