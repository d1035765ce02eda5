package dev.pgorm.ddl.trigger.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.core.internal.PgQualifiedName;
import dev.pgorm.ddl.internal.DdlOrder;
import dev.pgorm.ddl.internal.DdlRegistry;
import dev.pgorm.ddl.internal.EntityTable;
import dev.pgorm.ddl.internal.SqlText;
import dev.pgorm.ddl.trigger.PgFunction;
import dev.pgorm.ddl.trigger.PgTrigger;
import dev.pgorm.ddl.trigger.TouchOnUpdate;
import dev.pgorm.ddl.trigger.TriggerEvent;
import dev.pgorm.ddl.trigger.TriggerLevel;
import dev.pgorm.ddl.trigger.TriggerTiming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hibernate.MappingException;
import org.hibernate.mapping.Column;

/** Checks {@link PgFunction}, {@link PgTrigger} and {@link TouchOnUpdate} on an entity. */
public final class TriggerBinder {

    private TriggerBinder() {}

    public static void bind(EntityTable entity, DdlRegistry registry) {
        Class<?> type = entity.javaClass();
        for (PgFunction function : type.getAnnotationsByType(PgFunction.class)) {
            addFunction(
                    registry,
                    function,
                    "@PgFunction(name = \""
                            + function.name()
                            + "\") on entity "
                            + entity.describe(),
                    entity::fail);
        }
        Package pkg = type.getPackage();
        if (pkg != null) {
            for (PgFunction function : pkg.getAnnotationsByType(PgFunction.class)) {
                String where =
                        "@PgFunction(name = \""
                                + function.name()
                                + "\") on package "
                                + pkg.getName();
                addFunction(
                        registry,
                        function,
                        where,
                        (a, m) -> new MappingException("PG-ORM: " + where + ": " + m));
            }
        }
        for (PgTrigger trigger : entity.annotations(PgTrigger.class)) {
            registry.add(DdlOrder.TRIGGERS, trigger(entity, trigger));
        }
        TouchOnUpdate touch = entity.annotation(TouchOnUpdate.class);
        if (touch != null) {
            touch(entity, touch, registry);
        }
    }

    private interface Failure {
        MappingException fail(String annotation, String message);
    }

    private static void addFunction(
            DdlRegistry registry, PgFunction function, String where, Failure failure) {
        String label = "@PgFunction(name = \"" + function.name() + "\")";
        PgQualifiedName parsed;
        String body;
        try {
            parsed = PgQualifiedName.parse(function.name(), "function name");
            body = SqlText.dollarQuoted(function.body(), label);
        } catch (IllegalArgumentException e) {
            throw failure.fail(label, e.getMessage());
        }
        String schema = parsed.schema();
        String name = parsed.name();
        String rendered = parsed.render();
        if (function.returns().isBlank()) {
            throw failure.fail(
                    label, "returns must name the return type, for example trigger or integer");
        }
        if (!function.language().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw failure.fail(
                    label, "language '" + function.language() + "' is not a language name");
        }
        String definition =
                "create or replace function "
                        + rendered
                        + "("
                        + function.arguments().trim()
                        + ") returns "
                        + function.returns().trim()
                        + " language "
                        + function.language()
                        + " "
                        + function.volatility().name().toLowerCase(Locale.ROOT)
                        + " as "
                        + body;
        registry.addOnce(
                DdlOrder.FUNCTIONS,
                new FunctionObject(
                        schema,
                        name,
                        rendered,
                        rendered + "(" + SqlText.withoutDefaults(function.arguments()) + ")",
                        definition,
                        where),
                definition);
    }

    static TriggerObject trigger(EntityTable entity, PgTrigger trigger) {
        String label = "@PgTrigger(name = \"" + trigger.name() + "\")";
        try {
            PgIdentifiers.requireValid(trigger.name(), "trigger name");
        } catch (IllegalArgumentException e) {
            throw entity.fail(label, e.getMessage());
        }
        if (trigger.timing() == TriggerTiming.INSTEAD_OF) {
            throw entity.fail(
                    label,
                    "INSTEAD OF triggers exist only on views; use BEFORE or AFTER on a table");
        }
        if (trigger.events().length == 0) {
            throw entity.fail(
                    label, "events must name at least one of INSERT, UPDATE, DELETE, TRUNCATE");
        }
        List<TriggerEvent> events = Arrays.asList(trigger.events());
        if (events.contains(TriggerEvent.TRUNCATE) && trigger.forEach() == TriggerLevel.ROW) {
            throw entity.fail(label, "TRUNCATE triggers must be forEach = STATEMENT");
        }
        if (trigger.updateOf().length > 0 && !events.contains(TriggerEvent.UPDATE)) {
            throw entity.fail(label, "updateOf needs the UPDATE event");
        }
        List<String> parts = new ArrayList<>();
        for (TriggerEvent event : events) {
            if (event == TriggerEvent.UPDATE && trigger.updateOf().length > 0) {
                List<String> cols = new ArrayList<>();
                for (String c : trigger.updateOf()) {
                    cols.add(entity.sql(entity.column(c, label)));
                }
                parts.add("update of " + String.join(", ", cols));
            } else {
                parts.add(event.name().toLowerCase(Locale.ROOT));
            }
        }
        String function;
        try {
            function = PgQualifiedName.parse(trigger.function(), "function").render();
        } catch (IllegalArgumentException e) {
            throw entity.fail(label, "function: " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        for (String arg : trigger.arguments()) {
            args.add(SqlText.literal(arg));
        }
        String beforeOn =
                trigger.timing().name().toLowerCase(Locale.ROOT) + " " + String.join(" or ", parts);
        String afterOn =
                "for each "
                        + trigger.forEach().name().toLowerCase(Locale.ROOT)
                        + (trigger.when().isBlank() ? "" : " when (" + trigger.when().trim() + ")")
                        + " execute function "
                        + function
                        + "("
                        + String.join(", ", args)
                        + ")";
        return new TriggerObject(
                trigger.name(),
                entity.table(),
                beforeOn,
                afterOn,
                label + " on entity " + entity.describe());
    }

    private static void touch(EntityTable entity, TouchOnUpdate touch, DdlRegistry registry) {
        String label = "@TouchOnUpdate(\"" + touch.value() + "\")";
        Column column = entity.column(touch.value(), label);
        String type = entity.sqlType(column);
        if (!(type.startsWith("timestamp") || type.startsWith("date") || type.startsWith("time"))) {
            throw entity.fail(
                    label,
                    "column "
                            + column.getName()
                            + " is "
                            + type
                            + "; it must be a timestamp, date or time column");
        }
        String functionName =
                PgIdentifiers.fit(
                        "pgorm_touch_"
                                + column.getName()
                                        .toLowerCase(Locale.ROOT)
                                        .replaceAll("[^a-z0-9_]", "_"));
        String definition =
                "create or replace function "
                        + PgIdentifiers.render(functionName)
                        + "() returns trigger language plpgsql volatile as "
                        + SqlText.dollarQuoted(
                                "begin new." + entity.sql(column) + " := now(); return new; end",
                                label);
        registry.addOnce(
                DdlOrder.FUNCTIONS,
                new FunctionObject(
                        null,
                        functionName,
                        functionName,
                        functionName + "()",
                        definition,
                        label + " on entity " + entity.describe()),
                definition);
        String triggerName = PgIdentifiers.fit(entity.tableName() + "_touch_" + column.getName());
        registry.add(
                DdlOrder.TRIGGERS,
                new TriggerObject(
                        triggerName,
                        entity.table(),
                        "before update",
                        "for each row execute function "
                                + PgIdentifiers.render(functionName)
                                + "()",
                        label + " on entity " + entity.describe()));
    }
}
