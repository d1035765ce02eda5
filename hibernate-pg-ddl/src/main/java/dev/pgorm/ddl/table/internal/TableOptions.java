package dev.pgorm.ddl.table.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.ddl.internal.SqlText;
import dev.pgorm.ddl.spi.EntityAnnotations;
import dev.pgorm.ddl.table.PgTable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An entity's {@link PgTable}, checked: shared by the table's own statements, the declared
 * partitions' {@code CREATE TABLE} and the partitions {@code PgPartitions} creates at run time.
 *
 * @param unlogged whether the table is unlogged
 * @param parameters the storage parameters, each {@code name = value}
 * @param tablespace the tablespace, or empty
 */
public record TableOptions(boolean unlogged, List<String> parameters, String tablespace) {

    /** The prefix of the parameters PostgreSQL keeps on the table's TOAST table, without it. */
    private static final String TOAST_PREFIX = "toast.";

    public TableOptions {
        parameters = List.copyOf(parameters);
    }

    /**
     * Checks an annotation.
     *
     * @throws IllegalArgumentException naming what to change, without the entity
     */
    public static TableOptions of(PgTable options) {
        String label = "@PgTable";
        List<String> parameters = new ArrayList<>();
        if (options.fillfactor() != 0) {
            if (options.fillfactor() < 10 || options.fillfactor() > 100) {
                throw new IllegalArgumentException(
                        "fillfactor must be between 10 and 100, not " + options.fillfactor());
            }
            parameters.add("fillfactor = " + options.fillfactor());
        }
        if (!options.with().isBlank()) {
            for (String pair : SqlText.storageParameters(options.with(), label).split(",")) {
                String normalized = asStored(pair.trim().replaceAll("\\s*=\\s*", " = "));
                if (normalized.startsWith("fillfactor ") && options.fillfactor() != 0) {
                    throw new IllegalArgumentException("fillfactor is given twice: keep one");
                }
                String name = normalized.substring(0, normalized.indexOf(' '));
                if (name.contains(".") && !name.matches("toast\\.[a-z0-9_]+")) {
                    throw new IllegalArgumentException(
                            "storage parameter "
                                    + name
                                    + ": a table's parameters take no prefix but "
                                    + TOAST_PREFIX
                                    + " (those of its TOAST table, for example"
                                    + " toast.autovacuum_enabled = false)");
                }
                parameters.add(normalized);
            }
        }
        if (!options.tablespace().isEmpty()) {
            PgIdentifiers.requireValid(options.tablespace(), "tablespace");
        }
        return new TableOptions(options.unlogged(), parameters, options.tablespace());
    }

    /**
     * Returns {@code name = value} as PostgreSQL stores it in {@code reloptions}: it folds unquoted
     * words to lower case ({@code FALSE}), reads integers as numbers ({@code 070} is {@code 70},
     * {@code +5} is {@code 5}) and drops a plus sign from other numbers, so that what is declared
     * compares equal to what the catalog holds.
     */
    static String asStored(String pair) {
        int eq = pair.indexOf(" = ");
        if (eq < 0) {
            return pair.toLowerCase(Locale.ROOT);
        }
        String value = pair.substring(eq + 3);
        if (value.matches("[+-]?[0-9]+")) {
            value = new BigInteger(value).toString();
        } else if (value.startsWith("+")) {
            value = value.substring(1);
        } else if (value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            value = value.toLowerCase(Locale.ROOT);
        }
        return pair.substring(0, eq).toLowerCase(Locale.ROOT) + " = " + value;
    }

    /**
     * Returns the options an entity class declares (on itself or a mapped superclass, as the
     * binders read them), or empty.
     *
     * @throws IllegalArgumentException when they are not valid, which boot has reported already
     *     unless PG-ORM's DDL module is off
     */
    public static Optional<TableOptions> of(Class<?> entity) {
        List<PgTable> found = EntityAnnotations.of(entity, PgTable.class);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(found.get(0)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "@PgTable on " + entity.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the table's own parameters as its {@code reloptions} holds them, as an array literal.
     */
    String reloptions() {
        return reloptions(false);
    }

    /**
     * Returns the {@code toast.*} parameters as the {@code reloptions} of the table's TOAST table
     * holds them (without the prefix), as an array literal.
     */
    String toastReloptions() {
        return reloptions(true);
    }

    private String reloptions(boolean toast) {
        List<String> normalized = new ArrayList<>();
        for (String p : parameters) {
            if (p.startsWith(TOAST_PREFIX) == toast) {
                String option = p.replaceAll("\\s+", "");
                normalized.add(toast ? option.substring(TOAST_PREFIX.length()) : option);
            }
        }
        return "{" + String.join(",", normalized) + "}";
    }

    /** Returns the parameters for {@code SET (...)} and {@code WITH (...)}. */
    String parameterList() {
        return String.join(", ", parameters);
    }

    /**
     * Returns the {@code WITH (...)} clause of a new partition's {@code CREATE TABLE}, with a
     * leading space, or an empty string.
     */
    public String withClause() {
        return parameters.isEmpty() ? "" : " with (" + parameterList() + ")";
    }

    /**
     * Returns the clauses of a declared partition's {@code CREATE TABLE}: {@code WITH (...)} and
     * {@code TABLESPACE}, with a leading space, or an empty string.
     */
    public String partitionClauses() {
        return withClause()
                + (tablespace.isEmpty() ? "" : " tablespace " + PgIdentifiers.render(tablespace));
    }
}
