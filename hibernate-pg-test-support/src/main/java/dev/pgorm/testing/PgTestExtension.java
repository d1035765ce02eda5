package dev.pgorm.testing;

import dev.pgorm.testing.internal.PgServer;
import dev.pgorm.testing.internal.ServerLocator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PgTest}: finds the PostgreSQL server once per JVM, gives each
 * test class its own {@link PgTestDatabase} and drops it after the class.
 *
 * @since 0.1
 */
public final class PgTestExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PgTestExtension.class);
    private static final String KEY = "database";

    /** Creates the extension; JUnit does this for classes annotated with {@link PgTest}. */
    public PgTestExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PgTestDatabase db =
                classContext(context).getStore(NAMESPACE).remove(KEY, PgTestDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PgTestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static PgTestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        KEY,
                        key -> {
                            PgServer server = ServerLocator.server();
                            PgTest.Isolation isolation =
                                    AnnotationSupport.findAnnotation(testClass, PgTest.class)
                                            .map(PgTest::isolation)
                                            .orElse(PgTest.Isolation.SCHEMA);
                            return new PgTestDatabase(server, testClass, isolation);
                        },
                        PgTestDatabase.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
