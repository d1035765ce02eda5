package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import dev.pgorm.core.internal.PgIdentifiers;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * {@link dev.pgorm.bulk.PgBulk#delete}: {@code DELETE ... WHERE id = ANY(?)}, one statement per
 * {@value #CHUNK} identifiers, the array bound as text and cast to the column's type, so that the
 * primary key's index is used. A composite identifier binds one array per column and joins the
 * table to their {@code unnest}, on every column.
 */
public final class BulkDeleter {

    /** Identifiers per statement: one array parameter, small enough to build and send at once. */
    static final int CHUNK = 10_000;

    /**
     * The column's type to cast the identifiers to: its base type (under any domains) by its own
     * qualified name and without a type modifier, since a cast to {@code varchar(10)}, {@code
     * numeric(10, 0)}, {@code char(3)} or {@code bit(8)} would cut or round an identifier given
     * into one of an existing row, which would then be deleted.
     */
    private static final String COLUMN_TYPE =
            """
            with recursive types(oid, base) as (
              select t.oid, t.typbasetype from pg_attribute a
                join pg_type t on t.oid = a.atttypid
               where a.attrelid = ?::regclass and a.attname = ? and a.attnum > 0
                 and not a.attisdropped
              union all
              select t.oid, t.typbasetype from types d join pg_type t on t.oid = d.base)
            select format('%I.%I', n.nspname, t.typname) from types d
              join pg_type t on t.oid = d.oid
              join pg_namespace n on n.oid = t.typnamespace
             where d.base = 0""";

    private static final String DELETE =
            """
            with deleted as (
              delete from %s where %s = any(cast(? as %s[]))%s returning 1)
            select count(*) from deleted""";

    private static final String DELETE_COMPOSITE =
            """
            with deleted as (
              delete from %s as t using unnest(%s) as s(%s)
               where %s%s returning 1)
            select count(*) from deleted""";

    private BulkDeleter() {}

    public static long delete(EntityManager em, Class<?> entityClass, Iterable<?> ids) {
        SharedSessionContractImplementor session = BulkCall.session(em, "PgBulk.delete");
        em.flush();
        EntityPersister persister =
                session.getFactory().getMappingMetamodel().getEntityDescriptor(entityClass);
        BulkTable table = new BulkTable(persister);
        MappingRefusals.check(persister, "PgBulk.delete");
        EntityIdentifierMapping identifier = persister.getIdentifierMapping();
        List<String> columns = new ArrayList<>();
        identifier.forEachSelectable((i, s) -> columns.add(s.getSelectionExpression()));
        // the id class of an @IdClass entity, the embeddable of an @EmbeddedId, or the basic type
        Class<?> idType = em.getMetamodel().entity(entityClass).getIdType().getJavaType();
        Connection connection = BulkCall.connection(session);
        // another tenant's rows are left alone, as Hibernate's tenant filter hides them
        TenantRestriction tenant = TenantRestriction.of(persister, session).orElse(null);
        try {
            String sql = sql(connection, table.table(), columns, tenant);
            long deleted = 0;
            List<List<String>> chunk = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                chunk.add(new ArrayList<>(CHUNK));
            }
            long position = 0;
            for (Object id : ids) {
                if (id == null || !isOfType(idType, id)) {
                    throw new IllegalArgumentException(
                            "PgBulk.delete of "
                                    + entityClass.getName()
                                    + ": id at position "
                                    + position
                                    + " is "
                                    + (id == null ? "null" : "a " + id.getClass().getName())
                                    + ", but the identifier is a "
                                    + idType.getName());
                }
                // the JDBC values of the id's columns, converted as Hibernate writes them
                identifier.breakDownJdbcValues(
                        id,
                        0,
                        null,
                        null,
                        (index, x, y, value, selectable) ->
                                chunk.get(index)
                                        .add(
                                                arrayElement(
                                                        asStored(
                                                                value,
                                                                selectable.getJdbcMapping(),
                                                                session),
                                                        selectable.getJdbcMapping())),
                        session);
                position++;
                if (chunk.get(0).size() == CHUNK) {
                    deleted += run(connection, sql, chunk, tenant);
                }
            }
            if (!chunk.get(0).isEmpty()) {
                deleted += run(connection, sql, chunk, tenant);
            }
            return deleted;
        } catch (SQLException e) {
            throw BulkUpserter.failure("PgBulk.delete", table, e, connection);
        }
    }

    /**
     * The delete of one chunk: each column's array cast to the column's type; rows of the session's
     * tenant only, for a {@code @TenantId} entity (its value the last parameter).
     */
    private static String sql(
            Connection connection, String table, List<String> columns, TenantRestriction tenant)
            throws SQLException {
        String quotedTable =
                PgIdentifiers.normalizeQualified(table).stream()
                        .map(PgIdentifiers::quote)
                        .collect(Collectors.joining("."));
        List<String> types = new ArrayList<>();
        for (String column : columns) {
            types.add(
                    PgCatalog.on(connection)
                            .value(
                                    COLUMN_TYPE,
                                    String.class,
                                    quotedTable,
                                    PgIdentifiers.normalize(column)));
        }
        if (columns.size() == 1) {
            return DELETE.formatted(
                    table,
                    columns.get(0),
                    types.get(0),
                    tenant == null ? "" : " and " + tenant.column() + " = ?");
        }
        List<String> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> match = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            arrays.add("cast(? as " + types.get(c) + "[])");
            aliases.add("k" + c);
            match.add("t." + columns.get(c) + " = s.k" + c);
        }
        return DELETE_COMPOSITE.formatted(
                table,
                String.join(", ", arrays),
                String.join(", ", aliases),
                String.join(" and ", match),
                tenant == null ? "" : " and t." + tenant.column() + " = ?");
    }

    /**
     * A value whose JDBC type is binary as the bytes Hibernate's binder writes ({@code UUID} mapped
     * as {@code BINARY}), others as they are.
     */
    @SuppressWarnings("unchecked")
    private static Object asStored(
            Object value, JdbcMapping mapping, SharedSessionContractImplementor session) {
        if (value == null
                || value instanceof byte[]
                || !SqlTypes.isBinaryType(mapping.getJdbcType().getDefaultSqlTypeCode())) {
            return value;
        }
        return ((JavaType<Object>) mapping.getJdbcJavaType()).unwrap(value, byte[].class, session);
    }

    /**
     * An identifier's JDBC value as an element of the text array: bytes as {@code bytea}'s hex
     * form, an enum by its ordinal for a numeric column and its name otherwise (its {@code
     * toString} may say anything), others as their text.
     */
    private static String arrayElement(Object value, JdbcMapping mapping) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Enum<?> e) {
            return mapping.getJdbcType().isNumber() ? Integer.toString(e.ordinal()) : e.name();
        }
        return value.toString();
    }

    private static boolean isOfType(Class<?> idType, Object id) {
        if (idType.isPrimitive()) {
            return id instanceof Number;
        }
        return idType.isInstance(id);
    }

    private static long run(
            Connection connection, String sql, List<List<String>> chunk, TenantRestriction tenant)
            throws SQLException {
        PgCatalog catalog = PgCatalog.on(connection);
        Object[] arrays = new Object[chunk.size() + (tenant == null ? 0 : 1)];
        for (int c = 0; c < chunk.size(); c++) {
            arrays[c] = catalog.textArray(chunk.get(c));
        }
        if (tenant != null) {
            arrays[chunk.size()] = tenant.value();
        }
        long n = catalog.value(sql, Long.class, arrays);
        chunk.forEach(List::clear);
        return n;
    }
}
