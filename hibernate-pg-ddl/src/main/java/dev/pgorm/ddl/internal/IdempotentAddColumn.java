package dev.pgorm.ddl.internal;

import dev.pgorm.core.internal.jdbc.JdbcProxies;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.internal.exec.JdbcContext;
import org.hibernate.tool.schema.spi.GenerationTarget;
import org.hibernate.tool.schema.spi.ScriptSourceInput;

/**
 * Writes schema export's {@code ALTER TABLE ... ADD COLUMN} as {@code ADD COLUMN IF NOT EXISTS},
 * and, during {@code update}, applies {@link CompositeTypeUpdate}'s rewrites of the statements for
 * composite types (the same place sees every statement Hibernate runs or writes).
 *
 * <p>Why: Hibernate's {@code update} reads every table's columns before it alters any. When a
 * column is added to the parent of an {@code @Inherits} child, PostgreSQL adds it to the child at
 * once, and Hibernate's own {@code ADD COLUMN} for the child then fails with "already exists". The
 * migrator sends its statements through a {@code GenerationTargetToDatabase} it creates itself, so
 * the rewrite sits on the statements of the isolated DDL connection; scripts get it as a target.
 */
final class IdempotentAddColumn implements GenerationTarget {

    /** The shape Hibernate writes: {@code alter table [if exists] <name> add column <column>}. */
    private static final Pattern ADD_COLUMN =
            Pattern.compile(
                    "^(\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?"
                            + "(?:\"(?:[^\"]|\"\")+\"|[^\\s\".]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[^\\s\".]+))*"
                            + "\\s+add\\s+column\\s+)(?!if\\s+not\\s+exists\\s)",
                    Pattern.CASE_INSENSITIVE);

    private final GenerationTarget target;

    IdempotentAddColumn(GenerationTarget target) {
        this.target = target;
    }

    /**
     * Returns the statement with {@code if not exists} after {@code add column}, if it adds one.
     */
    static String rewrite(String sql) {
        return ADD_COLUMN
                .matcher(CompositeTypeUpdate.rewrite(sql))
                .replaceFirst("$1if not exists ");
    }

    @Override
    public void prepare() {
        target.prepare();
    }

    @Override
    public void beforeScript(ScriptSourceInput scriptSource) {
        target.beforeScript(scriptSource);
    }

    @Override
    public void accept(String command) {
        target.accept(rewrite(command));
    }

    @Override
    public void release() {
        target.release();
    }

    /** Hands out the isolated DDL connection with its statements rewriting as above. */
    static final class Isolator implements DdlTransactionIsolator {

        private final DdlTransactionIsolator isolator;

        Isolator(DdlTransactionIsolator isolator) {
            this.isolator = isolator;
        }

        @Override
        public JdbcContext getJdbcContext() {
            return isolator.getJdbcContext();
        }

        @Override
        public Connection getIsolatedConnection() {
            return rewriting(isolator.getIsolatedConnection());
        }

        @Override
        public Connection getIsolatedConnection(boolean autocommit) {
            return rewriting(isolator.getIsolatedConnection(autocommit));
        }

        @Override
        public void release() {
            isolator.release();
        }
    }

    private static Connection rewriting(Connection connection) {
        Connection[] self = new Connection[1];
        self[0] =
                JdbcProxies.wrap(
                        Connection.class,
                        connection,
                        "IdempotentAddColumnConnection",
                        call -> {
                            Object result = call.proceed();
                            return call.name().equals("createStatement")
                                            && result instanceof Statement statement
                                            && call.method().getReturnType() == Statement.class
                                    ? rewriting(statement, self[0])
                                    : result;
                        });
        return self[0];
    }

    private static Statement rewriting(Statement statement, Connection connection) {
        return JdbcProxies.wrap(
                Statement.class,
                statement,
                "IdempotentAddColumnStatement",
                call -> {
                    if (call.name().equals("getConnection")) {
                        return connection;
                    }
                    if (call.arg(0) instanceof String sql
                            && (call.name().startsWith("execute")
                                    || call.name().equals("addBatch"))) {
                        Object[] args = call.args().clone();
                        args[0] = rewrite(sql);
                        return call.proceed(args);
                    }
                    return call.proceed();
                });
    }
}
