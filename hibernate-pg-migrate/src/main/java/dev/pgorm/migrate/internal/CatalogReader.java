package dev.pgorm.migrate.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import dev.pgorm.migrate.PgMigrationException;
import dev.pgorm.migrate.internal.SchemaModel.Column;
import dev.pgorm.migrate.internal.SchemaModel.Comment;
import dev.pgorm.migrate.internal.SchemaModel.Constraint;
import dev.pgorm.migrate.internal.SchemaModel.Function;
import dev.pgorm.migrate.internal.SchemaModel.Index;
import dev.pgorm.migrate.internal.SchemaModel.Policy;
import dev.pgorm.migrate.internal.SchemaModel.Sequence;
import dev.pgorm.migrate.internal.SchemaModel.Table;
import dev.pgorm.migrate.internal.SchemaModel.Trigger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one database's schema into a {@link SchemaModel}; the same reader reads both sides so that
 * the server normalises both the same way.
 */
final class CatalogReader {

    private CatalogReader() {}

    /** Returns the schemas of a database, except the system's and the extensions'. */
    static Set<String> schemas(Connection c) {
        return new LinkedHashSet<>(
                CatalogQuery.list(c, CatalogSql.SCHEMAS, List.of(), rs -> rs.getString(1)));
    }

    /**
     * Reads the objects in {@code scope} in a read-only transaction with {@code search_path} set to
     * pg_catalog, so that every name in a definition comes out schema-qualified.
     */
    static SchemaModel read(Connection c, Collection<String> scope) {
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                CatalogQuery.execute(c, "SET TRANSACTION READ ONLY");
                CatalogQuery.execute(c, "SET LOCAL search_path = pg_catalog");
                return readInTransaction(c, scope);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PgMigrationException("cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code statements} in a transaction, reads the result and rolls back: what the schema
     * would be after them, with the database left as it was.
     */
    static SchemaModel readAfter(Connection c, Collection<String> scope, List<String> statements) {
        try {
            c.setAutoCommit(false);
            try {
                statements.forEach(sql -> CatalogQuery.execute(c, sql));
                CatalogQuery.execute(c, "SET LOCAL search_path = pg_catalog");
                return readInTransaction(c, scope);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PgMigrationException("cannot read the catalog: " + e.getMessage(), e);
        }
    }

    private static SchemaModel readInTransaction(Connection c, Collection<String> scope) {
        Set<String> present = schemas(c);
        Set<String> schemas = new LinkedHashSet<>(scope);
        schemas.retainAll(present);
        Map<String, String> extensions = new LinkedHashMap<>();
        CatalogQuery.list(
                c,
                CatalogSql.EXTENSIONS,
                schemas,
                rs -> extensions.put(rs.getString(1), rs.getString(2)));
        Map<String, EnumType> enums = TypeReader.enums(c, schemas);
        Map<String, CompositeType> composites = TypeReader.composites(c, schemas);
        Map<String, Statistics> statistics = StatisticsReader.read(c, schemas);
        Map<String, Collation> collations = TypeReader.collations(c, schemas);
        Map<String, Sequence> sequences = new LinkedHashMap<>();
        for (Sequence s :
                CatalogQuery.list(
                        c,
                        CatalogSql.SEQUENCES,
                        schemas,
                        rs -> new Sequence(rs.getString(1), rs.getString(2), rs.getString(3)))) {
            sequences.put(s.qname(), s);
        }
        Map<String, TableRow> rows = new LinkedHashMap<>();
        CatalogQuery.list(
                c, CatalogSql.TABLES, schemas, rs -> rows.put(key(rs), TableRow.read(rs)));
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        CatalogQuery.list(
                c,
                CatalogSql.COLUMNS,
                schemas,
                rs ->
                        columns.computeIfAbsent(key(rs), k -> new ArrayList<>())
                                .add(
                                        new Column(
                                                rs.getString(3),
                                                rs.getString(4),
                                                rs.getBoolean(5),
                                                rs.getString(6),
                                                rs.getString(7),
                                                rs.getBoolean(8),
                                                rs.getString(9))));
        Map<String, Map<String, Constraint>> constraints = new LinkedHashMap<>();
        CatalogQuery.list(
                c,
                CatalogSql.CONSTRAINTS,
                schemas,
                rs ->
                        constraints
                                .computeIfAbsent(key(rs), k -> new LinkedHashMap<>())
                                .put(
                                        rs.getString(3),
                                        new Constraint(
                                                rs.getString(3),
                                                rs.getString(4),
                                                rs.getString(5),
                                                rs.getBoolean(6),
                                                CatalogQuery.strings(rs, 7),
                                                rs.getString(8))));
        Map<String, Map<String, Index>> indexes = new LinkedHashMap<>();
        CatalogQuery.list(
                c,
                CatalogSql.INDEXES,
                schemas,
                rs ->
                        indexes.computeIfAbsent(key(rs), k -> new LinkedHashMap<>())
                                .put(
                                        rs.getString(3),
                                        new Index(
                                                rs.getString(3),
                                                rs.getBoolean(4),
                                                requireBody(rs.getString(5), rs.getString(3)),
                                                rs.getBoolean(6))));
        Map<String, Table> tables = new LinkedHashMap<>();
        rows.forEach(
                (qname, row) -> {
                    List<String> parts = PgIdentifiers.normalizeQualified(qname);
                    tables.put(
                            qname,
                            new Table(
                                    parts.get(0),
                                    parts.get(1),
                                    row.form(),
                                    row.rowSecurity(),
                                    row.forceRowSecurity(),
                                    List.copyOf(columns.getOrDefault(qname, List.of())),
                                    constraints.getOrDefault(qname, Map.of()),
                                    indexes.getOrDefault(qname, Map.of())));
                });
        Map<String, String> others = new LinkedHashMap<>();
        CatalogQuery.list(
                c,
                CatalogSql.OTHERS,
                schemas,
                rs -> others.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3)));
        Map<String, Comment> comments = new LinkedHashMap<>();
        for (Comment comment :
                CatalogQuery.list(
                        c,
                        CatalogSql.COMMENTS,
                        schemas,
                        rs ->
                                new Comment(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5)))) {
            comments.put(comment.target(), comment);
        }
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (Policy p :
                CatalogQuery.list(
                        c,
                        CatalogSql.POLICIES,
                        schemas,
                        rs ->
                                new Policy(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getBoolean(4),
                                        rs.getString(5),
                                        CatalogQuery.strings(rs, 6),
                                        rs.getString(7),
                                        rs.getString(8)))) {
            policies.put(p.key(), p);
        }
        Map<String, Function> functions = new LinkedHashMap<>();
        for (Function f :
                CatalogQuery.list(
                        c,
                        CatalogSql.FUNCTIONS,
                        schemas,
                        rs ->
                                new Function(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4)))) {
            functions.put(f.identity(), f);
        }
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        for (Trigger t :
                CatalogQuery.list(
                        c,
                        CatalogSql.TRIGGERS,
                        schemas,
                        rs ->
                                new Trigger(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4)))) {
            triggers.put(t.key(), t);
        }
        return new SchemaModel(
                schemas,
                extensions,
                enums,
                composites,
                DomainReader.read(c, schemas),
                sequences,
                tables,
                others,
                comments,
                policies,
                functions,
                triggers,
                ViewReader.read(c, schemas),
                statistics,
                collations);
    }

    private static String key(ResultSet rs) throws SQLException {
        return SchemaModel.qualified(rs.getString(1), rs.getString(2));
    }

    private static String requireBody(String body, String index) {
        if (body == null) {
            throw new PgMigrationException(
                    "cannot read the definition of index "
                            + index
                            + " (unexpected pg_get_indexdef form)");
        }
        return body;
    }
}
