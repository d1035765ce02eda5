package dev.pgorm.ddl.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.internal.exec.JdbcContext;
import org.hibernate.tool.schema.spi.GenerationTarget;
import org.hibernate.tool.schema.spi.ScriptSourceInput;

/**
 * Writes schema export's {@code ALTER TABLE ... ADD COLUMN} as {@code ADD COLUMN IF NOT EXISTS}.
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
        return ADD_COLUMN.matcher(sql).replaceFirst("$1if not exists ");
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
                proxy(
                        Connection.class,
                        connection,
                        (method, args) -> {
                            Object result = method.invoke(connection, args);
                            return method.getName().equals("createStatement")
                                            && result instanceof Statement statement
                                            && method.getReturnType() == Statement.class
                                    ? rewriting(statement, self[0])
                                    : result;
                        });
        return self[0];
    }

    private static Statement rewriting(Statement statement, Connection connection) {
        return proxy(
                Statement.class,
                statement,
                (method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connection;
                    }
                    if (args != null
                            && args.length > 0
                            && args[0] instanceof String sql
                            && (method.getName().startsWith("execute")
                                    || method.getName().equals("addBatch"))) {
                        args[0] = rewrite(sql);
                    }
                    return method.invoke(statement, args);
                });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler =
                (proxy, method, args) -> {
                    if (method.getName().equals("equals") && args != null && args.length == 1) {
                        return proxy == args[0];
                    }
                    if (method.getName().equals("hashCode") && args == null) {
                        return System.identityHashCode(proxy);
                    }
                    try {
                        return call.invoke(method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                };
        return type.cast(
                Proxy.newProxyInstance(
                        IdempotentAddColumn.class.getClassLoader(),
                        new Class<?>[] {type},
                        handler));
    }
}
