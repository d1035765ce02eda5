package dev.pgorm.bulk.internal;

import dev.pgorm.core.internal.PgCatalog;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells whether row-level security applies to the current role on a table: PostgreSQL refuses
 * {@code COPY FROM} there ("COPY FROM not supported with row-level security"), so bulk inserts use
 * INSERTs, which the policies check.
 */
final class RowSecurity {

    /**
     * PostgreSQL's own rule (check_enable_rls): enabled on the table, and the role is no superuser,
     * has no BYPASSRLS, and is not the owner (or a member with its privileges) unless forced.
     */
    private static final String APPLIES =
            """
            select c.relrowsecurity and not r.rolsuper and not r.rolbypassrls
                   and (c.relforcerowsecurity or not pg_has_role(current_user, c.relowner, 'USAGE'))
              from pg_class c join pg_roles r on r.rolname = current_user
             where c.oid = ?::regclass
            """;

    private RowSecurity() {}

    /**
     * Returns whether row-level security applies to the connection's current role on the table.
     * Asked once per call, not cached: the role and the table's flags can change at any time. The
     * query is a prepared statement, so it carries the RLS module's settings before a COPY.
     */
    static boolean appliesTo(Connection connection, String table) throws SQLException {
        return PgCatalog.on(connection).bool(APPLIES, table);
    }
}
