package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.core.internal.PgCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.NoopOptimizer;
import org.hibernate.id.enhanced.PooledOptimizer;
import org.hibernate.id.enhanced.SequenceStructure;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.persister.entity.EntityPersister;

/** Gives bulk-inserted entities their identifiers, from the entity's Hibernate generator. */
final class BulkIdentifiers {

    private final EntityPersister persister;
    private final Generator generator;
    private final String table;
    private IdentitySequence identity;

    BulkIdentifiers(EntityPersister persister, Generator generator, String table) {
        this.persister = persister;
        this.generator = generator;
        this.table = table;
    }

    /**
     * Whether the database assigns the identifiers (IDENTITY, serial): then they are reserved from
     * the column's own sequence, a block per chunk or batch.
     */
    boolean databaseAssigned() {
        return generator != null
                && generator.generatesOnInsert()
                && generator.generatedOnExecution();
    }

    /**
     * Whether an INSERT with explicit identifiers needs {@code OVERRIDING SYSTEM VALUE}: the column
     * is {@code GENERATED ALWAYS AS IDENTITY}.
     */
    boolean overridesSystemValue(Connection connection) throws SQLException {
        return databaseAssigned() && identity(connection).always();
    }

    /** The identifier column's sequence, looked up once per call. */
    private IdentitySequence identity(Connection connection) throws SQLException {
        if (identity == null) {
            identity = IdentitySequence.find(connection, table, idColumn());
        }
        return identity;
    }

    private String idColumn() {
        return persister.getIdentifierMapping().getSelectable(0).getSelectionExpression();
    }

    /**
     * Gives every entity of a chunk without an identifier one: for a sequence with Hibernate's
     * pooled (or no) optimizer, all at once with one {@code nextval} query, reserving the same
     * blocks Hibernate's optimizer would, so the ids never meet those {@code persist} hands out;
     * for IDENTITY and serial columns, one {@code nextval} per entity of the column's own sequence
     * in one query, as the column's default would take them; otherwise one by one through the
     * generator.
     */
    void assignIdentifiers(
            List<Object> chunk, SharedSessionContractImplementor session, Connection connection)
            throws SQLException {
        List<Object> missing = new ArrayList<>();
        for (Object entity : chunk) {
            if (needsIdentifier(entity, session)) {
                missing.add(entity);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (databaseAssigned()) {
            String name = identity(connection).name();
            if (name == null) {
                throw noSequence();
            }
            List<Long> values;
            try {
                values = nextValues(connection, name, missing.size());
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    throw noSequencePrivilege(name, e, connection);
                }
                throw e;
            }
            setIdentifiers(missing, values, session);
            return;
        }
        if (!(generator instanceof SequenceStyleGenerator sequence)
                || !(sequence.getDatabaseStructure() instanceof SequenceStructure)) {
            for (Object entity : missing) {
                assignIdentifier(entity, session);
            }
            return;
        }
        var optimizer = sequence.getOptimizer();
        int increment = sequence.getDatabaseStructure().getIncrementSize();
        boolean pooled = optimizer instanceof PooledOptimizer;
        boolean plain = optimizer instanceof NoopOptimizer;
        if (!pooled && !plain) {
            for (Object entity : missing) {
                assignIdentifier(entity, session);
            }
            return;
        }
        long initial = sequence.getDatabaseStructure().getInitialValue();
        String name = sequence.getDatabaseStructure().getPhysicalName().render();
        int calls = plain ? missing.size() : (missing.size() + increment - 1) / increment + 1;
        List<Long> ids = new ArrayList<>(missing.size() + increment);
        for (long v : nextValues(connection, name, calls)) {
            if (ids.size() == missing.size()) {
                break;
            }
            if (plain || v == initial || (initial == -1 && v < increment)) {
                // the sequence's first value reserves itself only, as in Hibernate's pooled
                // optimizer
                ids.add(v);
            } else {
                for (long id = v - increment + 1; id <= v && ids.size() < missing.size(); id++) {
                    ids.add(id);
                }
            }
        }
        if (ids.size() < missing.size()) {
            throw new IllegalStateException(
                    "the sequence "
                            + name
                            + " gave "
                            + ids.size()
                            + " identifiers for "
                            + missing.size()
                            + " entities");
        }
        setIdentifiers(missing, ids, session);
    }

    private void setIdentifiers(
            List<Object> entities, List<Long> ids, SharedSessionContractImplementor session) {
        var idType = persister.getIdentifierMapping().getJavaType();
        for (int i = 0; i < entities.size(); i++) {
            persister.setIdentifier(entities.get(i), idType.wrap(ids.get(i), session), session);
        }
    }

    private static final String NEXT_VALUES =
            """
            select nextval(?::regclass) from generate_series(1, ?)
            """;

    /** Takes {@code calls} values of the sequence in one query. */
    private static List<Long> nextValues(Connection connection, String sequence, int calls)
            throws SQLException {
        return PgCatalog.on(connection).list(NEXT_VALUES, row -> row.getLong(1), sequence, calls);
    }

    private PgBulkException noSequencePrivilege(
            String sequence, SQLException e, Connection connection) {
        return new PgBulkException(
                -1,
                idColumn(),
                "PgBulk.insert reserves the ids of "
                        + persister.getMappedClass().getName()
                        + " from the sequence "
                        + sequence
                        + " of its identity column, which the current role may not use: "
                        + e.getMessage()
                        + "; grant usage on sequence "
                        + sequence
                        + " to the role (an identity column's own default needs no such grant)"
                        + BulkCall.transactionAfterFailure(connection),
                e);
    }

    private PgBulkException noSequence() {
        String column = idColumn();
        return new PgBulkException(
                -1,
                column,
                "PgBulk.insert: the identifier of "
                        + persister.getMappedClass().getName()
                        + " is assigned by the database (IDENTITY), but its column "
                        + column
                        + " of table "
                        + table
                        + " has no sequence (pg_get_serial_sequence is null) to reserve the ids"
                        + " from, which COPY cannot return; declare the column GENERATED BY DEFAULT"
                        + " AS IDENTITY"
                        + " or bigserial, attach its sequence (ALTER SEQUENCE ... OWNED BY "
                        + table
                        + "."
                        + column
                        + "), or map the id with @GeneratedValue(strategy ="
                        + " GenerationType.SEQUENCE)",
                null);
    }

    /**
     * Gives the entity an identifier from its generator, when it has a generator that runs before
     * the insert.
     */
    void assignIdentifier(Object entity, SharedSessionContractImplementor session) {
        if (generator instanceof BeforeExecutionGenerator before
                && needsIdentifier(entity, session)) {
            Object id = before.generate(session, entity, null, EventType.INSERT);
            persister.setIdentifier(entity, id, session);
        }
        if (persister.getIdentifier(entity, session) == null) {
            throw new IllegalArgumentException(
                    "an entity of "
                            + persister.getMappedClass().getName()
                            + " has no identifier and no generator assigns one");
        }
    }

    /**
     * Whether the generator must give the entity an identifier: none yet, or, with a generator, one
     * that Hibernate's unsaved-value says is unsaved (0 for a primitive {@code long}), as {@code
     * persist} decides.
     */
    private boolean needsIdentifier(Object entity, SharedSessionContractImplementor session) {
        Object id = persister.getIdentifier(entity, session);
        if (id == null) {
            return true;
        }
        if (generator == null || !generator.generatesOnInsert()) {
            return false; // assigned identifiers are the application's
        }
        return Boolean.TRUE.equals(
                persister.getIdentifierMapping().getUnsavedStrategy().isUnsaved(id));
    }
}
