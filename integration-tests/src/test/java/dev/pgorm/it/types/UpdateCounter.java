package dev.pgorm.it.types;

import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the UPDATE statements Hibernate sends, and all writes (INSERT, UPDATE, DELETE), set as
 * {@code hibernate.session_factory.statement_inspector}.
 */
final class UpdateCounter implements StatementInspector {

    private static final long serialVersionUID = 1L;

    final AtomicInteger updates = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        if (sql.regionMatches(true, 0, "update", 0, 6)) {
            updates.incrementAndGet();
        }
        if (sql.regionMatches(true, 0, "update", 0, 6)
                || sql.regionMatches(true, 0, "insert", 0, 6)
                || sql.regionMatches(true, 0, "delete", 0, 6)) {
            writes.incrementAndGet();
        }
        return sql;
    }
}
