package dev.pgorm.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.Generator;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * What a bulk insert of one entity class writes: the table, its insertable columns in order, and
 * how to get each row's JDBC values from an entity, through Hibernate's own mapping.
 */
final class BulkTable {

    /**
     * One column: its SQL name, its JDBC mapping and its write expression ({@code ?} or a cast).
     */
    record Column(String name, JdbcMapping mapping, String writeExpression) {}

    /** Receives a row's JDBC values, column by column. */
    interface RowConsumer {
        void value(int column, Object jdbcValue, JdbcMapping mapping);
    }

    private final EntityPersister persister;
    private final String table;
    private final List<Column> columns = new ArrayList<>();
    private final List<AttributeMapping> attributes = new ArrayList<>();
    private final List<boolean[]> insertable = new ArrayList<>();
    private final boolean[] idInsertable;
    private final Generator generator;

    BulkTable(EntityPersister persister) {
        this.persister = persister;
        Class<?> type = persister.getMappedClass();
        if (!(persister instanceof AbstractEntityPersister p) || p.getTableSpan() != 1) {
            throw new UnsupportedOperationException(
                    "PgBulk inserts entities mapped to one table; "
                            + type.getName()
                            + " spans several (secondary tables or JOINED inheritance)");
        }
        if (persister.isInherited() || persister.hasSubclasses()) {
            throw new UnsupportedOperationException(
                    "PgBulk does not insert entities of an inheritance hierarchy: "
                            + type.getName());
        }
        this.table = p.getTableName();
        this.generator = persister.getGenerator();
        if (generator != null && generator.generatedOnExecution()) {
            throw new UnsupportedOperationException(
                    "entity "
                            + type.getName()
                            + " uses database-assigned (IDENTITY) identifiers, which COPY cannot return;"
                            + " map its identifier with a sequence (@GeneratedValue(strategy = GenerationType.SEQUENCE)) for bulk inserts");
        }
        List<Boolean> idCols = new ArrayList<>();
        persister
                .getIdentifierMapping()
                .forEachSelectable(
                        (i, s) -> {
                            idCols.add(true);
                            columns.add(
                                    new Column(
                                            s.getSelectionExpression(),
                                            s.getJdbcMapping(),
                                            write(s.getWriteExpression())));
                        });
        idInsertable = new boolean[idCols.size()];
        java.util.Arrays.fill(idInsertable, true);
        for (int n = 0; n < persister.getNumberOfAttributeMappings(); n++) {
            AttributeMapping attribute = persister.getAttributeMapping(n);
            if (attribute instanceof PluralAttributeMapping) {
                continue;
            }
            List<Boolean> flags = new ArrayList<>();
            attribute.forEachSelectable(
                    (i, s) -> {
                        boolean in = s.isInsertable() && !s.isFormula();
                        flags.add(in);
                        if (in) {
                            columns.add(
                                    new Column(
                                            s.getSelectionExpression(),
                                            s.getJdbcMapping(),
                                            write(s.getWriteExpression())));
                        }
                    });
            boolean[] f = new boolean[flags.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = flags.get(i);
            }
            attributes.add(attribute);
            insertable.add(f);
        }
    }

    private static String write(String expression) {
        return expression == null || expression.isBlank() ? "?" : expression;
    }

    String table() {
        return table;
    }

    List<Column> columns() {
        return columns;
    }

    Class<?> entityClass() {
        return persister.getMappedClass();
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
            if (persister.getIdentifier(entity, session) == null) {
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
                && persister.getIdentifier(entity, session) == null) {
            Object id = before.generate(session, entity, null, EventType.INSERT);
            persister.setIdentifier(entity, id, session);
        }
        if (persister.getIdentifier(entity, session) == null) {
            throw new IllegalArgumentException(
                    "an entity of "
                            + entityClass().getName()
                            + " has no identifier and no generator assigns one");
        }
    }

    /** Breaks an entity down into its row's JDBC values. */
    void row(Object entity, SharedSessionContractImplementor session, RowConsumer consumer) {
        int[] column = {0};
        Object id = persister.getIdentifier(entity, session);
        persister
                .getIdentifierMapping()
                .breakDownJdbcValues(
                        id,
                        0,
                        null,
                        null,
                        (index, x, y, value, selectable) ->
                                consumer.value(column[0]++, value, selectable.getJdbcMapping()),
                        session);
        for (int a = 0; a < attributes.size(); a++) {
            AttributeMapping attribute = attributes.get(a);
            boolean[] flags = insertable.get(a);
            int[] selectable = {0};
            attribute.breakDownJdbcValues(
                    attribute.getValue(entity),
                    0,
                    null,
                    null,
                    (index, x, y, value, mapping) -> {
                        if (flags[selectable[0]++]) {
                            consumer.value(column[0]++, value, mapping.getJdbcMapping());
                        }
                    },
                    session);
        }
    }
}
