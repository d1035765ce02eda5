package dev.pgorm.bulk.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.hibernate.SessionBuilder;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;

/**
 * The one SQL statement Hibernate generates for an export's HQL, as the caller's session would run
 * it (its tenant, its enabled filters), refused when COPY cannot run it: COPY takes no bind
 * parameters and one statement.
 */
final class ExportSql {

    private ExportSql() {}

    /**
     * Runs the query in a session of its own on the same connection (a session sharing the caller's
     * would use the caller's inspector), with a statement inspector that records the SQL and runs
     * it as {@code select * from (sql) where false}, so no row is read.
     */
    static String of(SharedSessionContractImplementor session, Connection connection, String hql) {
        List<String> recorded = new ArrayList<>();
        // the caller's own inspector rewrites first, as for the caller's queries
        StatementInspector callers = session.getJdbcSessionContext().getStatementInspector();
        UnaryOperator<String> inspector =
                sql -> {
                    String inspected = callers == null ? sql : callers.inspect(sql);
                    recorded.add(inspected);
                    return "select * from (" + inspected + ") pgorm_probe where false";
                };
        SessionBuilder builder =
                session.getFactory()
                        .withOptions()
                        .connection(connection)
                        .statementInspector(inspector);
        Object tenant = session.getTenantIdentifierValue();
        if (tenant != null) {
            builder.tenantIdentifier(tenant);
        }
        try (Session probe = builder.openSession()) {
            SessionFilters.copy(session, (SharedSessionContractImplementor) probe);
            SelectionQuery<?> query = probe.createSelectionQuery(hql, Object[].class);
            if (query.getParameterMetadata().getParameterCount() > 0) {
                throw new IllegalArgumentException(
                        "PgBulk.export takes a query without parameters (COPY cannot bind them);"
                                + " write the values as literals: "
                                + hql);
            }
            query.getResultList();
        }
        if (recorded.isEmpty()) {
            throw new IllegalStateException("Hibernate ran no SQL for \"" + hql + "\"");
        }
        if (recorded.size() > 1) {
            throw new IllegalArgumentException(
                    "PgBulk.export of \""
                            + hql
                            + "\": Hibernate runs "
                            + recorded.size()
                            + " statements for it (a query over a type that is not an entity runs"
                            + " one per entity that implements it), but COPY exports one; export"
                            + " each entity with its own query");
        }
        Parsed parsed = parse(connection, recorded.get(0));
        if (parsed.parameters() > 0) {
            throw new IllegalArgumentException(
                    "PgBulk.export of \""
                            + hql
                            + "\": the SQL Hibernate generates has bind parameters that COPY"
                            + " cannot take, from "
                            + parameterSources(session)
                            + "; export with a query whose values are all literals (for a filter,"
                            + " its condition written in the query), or read with PgBulk.stream");
        }
        return parsed.nativeSql();
    }

    /**
     * The SQL as pgjdbc parses it: its bind parameters (quotes and comments skipped) and the text
     * the server is to get, in which {@code ??}, JDBC's escape of PostgreSQL's {@code ?} operators,
     * is {@code ?} again: COPY is sent as it is, not through pgjdbc's parser.
     */
    private record Parsed(int parameters, String nativeSql) {}

    private static Parsed parse(Connection connection, String sql) {
        try {
            BaseConnection pg = connection.unwrap(BaseConnection.class);
            CachedQuery query = pg.createQuery(sql, true, true);
            try {
                return new Parsed(
                        query.query.createParameterList().getParameterCount(),
                        query.query.getNativeSql());
            } finally {
                pg.getQueryExecutor().releaseQuery(query);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pgjdbc could not parse the export's SQL: " + sql, e);
        }
    }

    /** What puts parameters into generated SQL: the tenant and enabled filters. */
    private static String parameterSources(SharedSessionContractImplementor session) {
        List<String> sources = new ArrayList<>();
        if (session.getTenantIdentifierValue() != null) {
            sources.add("the session's tenant (@TenantId), which Hibernate binds as a parameter");
        }
        for (String name : session.getLoadQueryInfluencers().getEnabledFilterNames()) {
            boolean parameters =
                    !session.getFactory().getFilterDefinition(name).getParameterNames().isEmpty();
            if (parameters && !name.startsWith("_")) { // "_tenantId" is the tenant's, named above
                sources.add("the enabled filter " + name + ", which has parameters");
            }
        }
        return sources.isEmpty() ? "Hibernate" : String.join(" and ", sources);
    }
}
