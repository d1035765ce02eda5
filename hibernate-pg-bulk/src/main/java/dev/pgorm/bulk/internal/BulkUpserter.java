package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.bulk.PgBulkResult;
import dev.pgorm.bulk.PgConflict;
import dev.pgorm.bulk.internal.BulkSql.VersionedRows;
import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.EventType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * {@link dev.pgorm.bulk.PgBulk#upsert}: the rows go into a temporary table (COPY, or batched
 * INSERTs where COPY is off), then into the entity's table in one {@code INSERT ... ON CONFLICT}.
 */
public final class BulkUpserter {

    private static final Pattern KEY_DETAIL = Pattern.compile("^Key \\((.+?)\\)=\\(");

    private BulkUpserter() {}

    /** A constraint's type and its columns, quoted, in order. */
    private static final String CONSTRAINT =
            """
            select c.contype::text,
                   array(select quote_ident(a.attname) from pg_attribute a
                          where a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                          order by array_position(c.conkey, a.attnum))
              from pg_constraint c
             where c.conrelid = ?::regclass and c.conname = ?""";

    private static final String SAVEPOINT = "pgorm_bulk_upsert";

    /** A conflict key the loaded rows hold twice: {@code %1$s} the key's columns. */
    private static final String TWICE =
            """
            select row(%1$s)::text from %2$s where %3$s
             group by %1$s having count(*) > 1 limit 1""";

    public static PgBulkResult upsert(EntityManager em, Iterator<?> entities, PgConflict conflict) {
        Objects.requireNonNull(conflict, "conflict");
        BulkCall call = BulkCall.open(em, entities, "PgBulk.upsert");
        if (call == null) {
            return new PgBulkResult(0, 0, 0);
        }
        BulkTable table = call.table();
        BulkColumns columns = new BulkColumns(table, "PgBulk.upsert");
        List<String> keys = columns.conflictColumns(conflict);
        String target =
                conflict.constraint() != null
                        ? "on constraint " + PgIdentifiers.quote(conflict.constraint())
                        : "(" + String.join(", ", keys) + ")";
        Connection connection = call.connection();
        TenantRestriction tenant =
                TenantRestriction.of(table.persister, call.session()).orElse(null);
        try {
            // the key's columns, a constraint's from the catalog (checked before any SQL)
            List<String> key =
                    conflict.constraint() == null
                            ? keys
                            : constraintColumns(connection, table, conflict);
            // a versioned entity's null version stays null in the loaded rows: see VersionedRows
            table.keepNullVersions();
            String temp =
                    TempTable.create(
                            connection,
                            table,
                            columns.version() == null ? Set.of() : Set.of(columns.version()));
            long rows = call.load(temp, call.copyPossible(), false);
            List<VersionedRows> statements =
                    columns.version() == null
                            ? List.of(VersionedRows.WITH_VERSION)
                            : List.of(
                                    VersionedRows.WITH_VERSION,
                                    new VersionedRows(versionSeed(table, call.session())));
            List<String> sqls = new ArrayList<>();
            for (VersionedRows which : statements) {
                sqls.add(
                        BulkSql.upsert(
                                table,
                                columns,
                                temp,
                                table.identifiers().overridesSystemValue(connection),
                                target,
                                conflict.updates(),
                                columns.settable(keys),
                                tenant == null ? null : tenant.column(),
                                which));
            }
            long[] counts =
                    sqls.size() == 1
                            ? run(PgCatalog.on(connection), sqls)
                            : Savepoints.withAutosaveOff(
                                    connection,
                                    SAVEPOINT,
                                    catalog ->
                                            inSavepoint(catalog, table, conflict, key, temp, sqls));
            TempTable.drop(connection, temp);
            return new PgBulkResult(counts[0], counts[1], rows - counts[0] - counts[1]);
        } catch (SQLException e) {
            throw failure("PgBulk.upsert", table, e, connection);
        }
    }

    /** Runs the upsert statements; returns the rows inserted and updated. */
    private static long[] run(PgCatalog catalog, List<String> sqls) throws SQLException {
        long[] total = new long[2];
        for (String sql : sqls) {
            long[] counts =
                    catalog.optional(sql, row -> new long[] {row.getLong(1), row.getLong(2)})
                            .orElseThrow();
            total[0] += counts[0];
            total[1] += counts[1];
        }
        return total;
    }

    /**
     * A versioned entity's two statements, applied together or not at all: in a savepoint, after
     * refusing a conflict key given twice (one statement would fail on it, two would write the row
     * twice).
     */
    private static long[] inSavepoint(
            PgCatalog catalog,
            BulkTable table,
            PgConflict conflict,
            List<String> key,
            String temp,
            List<String> sqls)
            throws SQLException {
        catalog.execute("savepoint " + SAVEPOINT);
        if (conflict.updates()) {
            Optional<String> twice =
                    catalog.optional(
                            TWICE.formatted(
                                    String.join(", ", key),
                                    temp,
                                    key.stream()
                                            .map(k -> k + " is not null")
                                            .collect(Collectors.joining(" and "))),
                            row -> row.getString(1));
            if (twice.isPresent()) {
                Savepoints.rollBackTo(catalog, SAVEPOINT);
                throw new PgBulkException(
                        -1,
                        null,
                        "PgBulk.upsert into "
                                + table.table()
                                + ": two entities of the call have the same conflict key ("
                                + String.join(", ", key)
                                + ") = "
                                + twice.get()
                                + "; nothing was written",
                        null);
            }
        }
        long[] counts = run(catalog, sqls);
        catalog.execute("release savepoint " + SAVEPOINT);
        return counts;
    }

    /** The version Hibernate gives a new row of a versioned entity (0 for numbers). */
    private static long versionSeed(BulkTable table, SharedSessionContractImplementor session) {
        Object seed =
                table.persister
                        .getVersionGenerator()
                        .generate(session, null, null, EventType.INSERT);
        return ((Number) seed).longValue();
    }

    /**
     * Returns the columns of the conflict's constraint; refuses, before any SQL, a constraint the
     * table does not have, and {@code DO UPDATE} on an exclusion constraint (PostgreSQL takes only
     * {@code DO NOTHING} there, and its error would abort the transaction).
     */
    private static List<String> constraintColumns(
            Connection connection, BulkTable table, PgConflict conflict) throws SQLException {
        String name = conflict.constraint();
        Optional<Constraint> found =
                PgCatalog.on(connection)
                        .optional(
                                CONSTRAINT,
                                row ->
                                        new Constraint(
                                                row.getString(1),
                                                List.of((String[]) row.getArray(2).getArray())),
                                table.table(),
                                name);
        Optional<String> type = found.map(Constraint::type);
        String refusal =
                type.isEmpty()
                        ? "the table has no constraint named " + name
                        : !List.of("p", "u", "x").contains(type.get())
                                ? name + " is not a primary key, unique or exclusion constraint"
                                : type.get().equals("x") && conflict.updates()
                                        ? name
                                                + " is an exclusion constraint, on which"
                                                + " PostgreSQL takes DO NOTHING only: use"
                                                + " PgConflict.onConstraint(\""
                                                + name
                                                + "\").doNothing()"
                                        : null;
        if (refusal != null) {
            throw new IllegalArgumentException(
                    "PgBulk.upsert into " + table.table() + ": " + refusal);
        }
        return found.orElseThrow().columns();
    }

    /** A constraint's row in the catalog: its type and its columns, quoted. */
    private record Constraint(String type, List<String> columns) {}

    /**
     * The failure of the statement that writes the entity's table: no row position (the rows are in
     * the temporary table by then), but the column when PostgreSQL names it.
     */
    static PgBulkException failure(
            String operation, BulkTable table, SQLException e, Connection connection) {
        String column = null;
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage m = psql.getServerErrorMessage();
            column = m.getColumn();
            if (column == null && m.getDetail() != null) {
                Matcher key = KEY_DETAIL.matcher(m.getDetail());
                if (key.find()) {
                    column = key.group(1);
                }
            }
        }
        String hint =
                "21000".equals(e.getSQLState())
                        ? " (two entities of the call have the same conflict key)"
                        : "";
        return new PgBulkException(
                -1,
                column,
                operation
                        + " into "
                        + table.table()
                        + " failed"
                        + (column == null ? "" : ", column " + column)
                        + ": "
                        + e.getMessage()
                        + hint
                        + BulkCall.transactionAfterFailure(connection),
                e);
    }
}
