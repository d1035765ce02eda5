package dev.pgorm.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.persister.entity.EntityPersister;

/** Gives bulk-inserted entities their identifiers, from the entity's Hibernate generator. */
final class BulkIdentifiers {

    private final EntityPersister persister;
    private final Generator generator;

    BulkIdentifiers(EntityPersister persister, Generator generator) {
        this.persister = persister;
        this.generator = generator;
    }

    /**
     * Gives every entity of a chunk without an identifier one: for a sequence with Hibernate's
     * pooled (or no) optimizer, all at once with one {@code nextval} query, reserving the same
     * blocks Hibernate's optimizer would, so the ids never meet those {@code persist} hands out;
     * otherwise one by one through the generator.
     */
    void assignIdentifiers(
            List<Object> chunk,
            SharedSessionContractImplementor session,
            java.sql.Connection connection)
            throws java.sql.SQLException {
        List<Object> missing = new ArrayList<>();
        for (Object entity : chunk) {
            if (needsIdentifier(entity, session)) {
                missing.add(entity);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!(generator instanceof org.hibernate.id.enhanced.SequenceStyleGenerator sequence)
                || !(sequence.getDatabaseStructure()
                        instanceof org.hibernate.id.enhanced.SequenceStructure)) {
            for (Object entity : missing) {
                assignIdentifier(entity, session);
            }
            return;
        }
        var optimizer = sequence.getOptimizer();
        int increment = sequence.getDatabaseStructure().getIncrementSize();
        boolean pooled = optimizer instanceof org.hibernate.id.enhanced.PooledOptimizer;
        boolean plain = optimizer instanceof org.hibernate.id.enhanced.NoopOptimizer;
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
        try (java.sql.PreparedStatement ps =
                connection.prepareStatement(
                        "select nextval(?::regclass) from generate_series(1, ?)")) {
            ps.setString(1, name);
            ps.setInt(2, calls);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next() && ids.size() < missing.size()) {
                    long v = rs.getLong(1);
                    if (plain || v == initial || (initial == -1 && v < increment)) {
                        // the sequence's first value reserves itself only, as in Hibernate's pooled
                        // optimizer
                        ids.add(v);
                    } else {
                        for (long id = v - increment + 1;
                                id <= v && ids.size() < missing.size();
                                id++) {
                            ids.add(id);
                        }
                    }
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
        var idType = persister.getIdentifierMapping().getJavaType();
        for (int i = 0; i < missing.size(); i++) {
            persister.setIdentifier(missing.get(i), idType.wrap(ids.get(i), session), session);
        }
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
