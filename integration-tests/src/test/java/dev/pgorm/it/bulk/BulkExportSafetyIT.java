package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgCopyFormat;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.TenantId;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Export where it used to go wrong: a sink that fails partway (the connection must stay in step),
 * the caller's filters and tenant (the SQL must be the caller's), and a query Hibernate runs as
 * several statements.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkExportSafetyIT {

    @Entity(name = "Shown")
    @Table(name = "shown")
    @FilterDef(name = "visibleOnly", defaultCondition = "visible")
    @FilterDef(
            name = "minQty",
            defaultCondition = "qty >= :min",
            parameters = @ParamDef(name = "min", type = Integer.class))
    @Filter(name = "visibleOnly")
    @Filter(name = "minQty")
    public static class Shown {
        @Id Long id;
        boolean visible;
        int qty;
        String line;
    }

    @Entity(name = "Owned")
    @Table(name = "owned")
    public static class Owned {
        @Id Long id;
        @TenantId String tenant;
        String name;
    }

    /** Not an entity: a query over it runs one statement per entity implementing it. */
    public interface Labelled {}

    @Entity(name = "Cat")
    @Table(name = "cat")
    public static class Cat implements Labelled {
        @Id Long id;
        String label;
    }

    @Entity(name = "Dog")
    @Table(name = "dog")
    public static class Dog implements Labelled {
        @Id Long id;
        String label;
    }

    /** The tenant of a session opened without one. */
    public static class DefaultTenant implements CurrentTenantIdentifierResolver<String> {
        @Override
        public String resolveCurrentTenantIdentifier() {
            return "default";
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }
    }

    /**
     * Schema-per-tenant in miniature: every tenant gets a plain connection of the test database.
     */
    public static class PlainConnections implements MultiTenantConnectionProvider<String> {
        private static final long serialVersionUID = 1L;

        private final transient DataSource dataSource;

        PlainConnections(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection getAnyConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void releaseAnyConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public Connection getConnection(String tenant) throws SQLException {
            return getAnyConnection();
        }

        @Override
        public void releaseConnection(String tenant, Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> unwrapType) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> unwrapType) {
            throw new UnsupportedOperationException();
        }
    }

    @Entity(name = "Tagged")
    @Table(name = "tagged")
    public static class Tagged {
        @Id Long id;

        @JdbcTypeCode(SqlTypes.JSON)
        Map<String, Object> attrs;
    }

    private static final int ROWS = 50_000;

    private SessionFactory sf;
    private SessionFactory tenants;
    private SessionFactory perTenant;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Shown.class, Cat.class, Dog.class, Tagged.class);
        perTenant =
                db.entityManagerFactory(
                        List.of(Shown.class),
                        Map.of(
                                AvailableSettings.MULTI_TENANT_CONNECTION_PROVIDER,
                                new PlainConnections(db.dataSource()),
                                AvailableSettings.HBM2DDL_AUTO,
                                "none"));
        tenants =
                db.entityManagerFactory(
                        List.of(Owned.class),
                        Map.of(
                                AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                                new DefaultTenant()));
    }

    @BeforeEach
    void rows(PgTestDatabase db) {
        db.execute(
                "delete from shown",
                "delete from owned",
                "delete from cat",
                "delete from dog",
                // made by the server: far more than the socket's buffers hold
                """
                insert into shown (id, visible, qty, line)
                select g, g % 2 = 0, g % 10, repeat('x', 80) || g
                  from generate_series(1, 50000) g""",
                """
                insert into owned (id, tenant, name) values
                  (1, 'acme', 'a1'), (2, 'acme', 'a2'), (3, 'other', 'o1')""",
                "insert into cat (id, label) values (1, 'tom')",
                "insert into dog (id, label) values (1, 'rex')",
                "delete from tagged",
                """
                insert into tagged (id, attrs) values
                  (1, '{"vip": true}'), (2, '{"plain": true}'), (3, '{"vip": false}')""");
    }

    /** Runs the work in one session and transaction, handed to the caller to end. */
    private static void inSession(SessionFactory factory, Consumer<Session> work) {
        try (Session s = factory.openSession()) {
            work.accept(s);
        }
    }

    /** Throws after {@code limit} bytes. */
    private static final class FailingStream extends OutputStream {
        private final int limit;
        private final boolean io;
        int written;

        FailingStream(int limit, boolean io) {
            this.limit = limit;
            this.io = io;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                if (io) {
                    throw new IOException("disk full");
                }
                throw new IllegalStateException("sink broke");
            }
            written += len;
        }
    }

    /** After a failed export: the same session queries, writes and commits. */
    private static void sessionGoesOn(Session s, Transaction tx) {
        assertThat(s.createNativeQuery("select 1", Integer.class).getSingleResult()).isEqualTo(1);
        assertThat(
                        s.createSelectionQuery("select count(*) from Shown", Long.class)
                                .getSingleResult())
                .isEqualTo(ROWS);
        s.createMutationQuery("update Shown w set w.line = 'after' where w.id = 1").executeUpdate();
        tx.commit();
    }

    @Test
    void aStreamFailingPartwayLeavesTheConnectionInStep() {
        inSession(
                sf,
                s -> {
                    Transaction tx = s.beginTransaction();
                    FailingStream out = new FailingStream(1000, true);
                    assertThatThrownBy(
                                    () ->
                                            PgBulk.export(
                                                    s,
                                                    "select w.id, w.line from Shown w",
                                                    out,
                                                    PgCopyFormat.CSV))
                            .isInstanceOf(UncheckedIOException.class)
                            .hasMessageContaining("output failed")
                            .hasMessageContaining("remain usable")
                            .hasRootCauseMessage("disk full");
                    assertThat(out.written).isLessThanOrEqualTo(1000);
                    sessionGoesOn(s, tx);
                });
        inSession(
                sf,
                s ->
                        assertThat(s.find(Shown.class, 1L).line)
                                .as("the transaction after the failed export committed")
                                .isEqualTo("after"));
    }

    @Test
    void aSinkThrowingAnErrorLeavesTheConnectionInStep() {
        inSession(
                sf,
                s -> {
                    Transaction tx = s.beginTransaction();
                    OutputStream broken =
                            new OutputStream() {
                                @Override
                                public void write(int b) {
                                    throw new StackOverflowError("sink overflowed");
                                }
                            };
                    assertThatThrownBy(
                                    () -> PgBulk.export(s, Shown.class, broken, PgCopyFormat.TEXT))
                            .isInstanceOf(StackOverflowError.class);
                    sessionGoesOn(s, tx);
                });
    }

    @Test
    void aQuestionMarkOperatorReachesTheServerAsOne() {
        inSession(
                sf,
                s -> {
                    s.beginTransaction();
                    StringWriter out = new StringWriter();
                    long n =
                            PgBulk.export(
                                    s,
                                    "select t.id from Tagged t where jsonb_has_key(t.attrs, 'vip')"
                                            + " order by t.id",
                                    out,
                                    PgCopyFormat.TEXT);
                    assertThat(n).isEqualTo(2);
                    assertThat(out.toString()).isEqualTo("1\n3\n");
                    s.getTransaction().rollback();
                });
    }

    @Test
    void streamsWorkUnderAMultiTenantConnectionProvider() {
        try (Session s = perTenant.withOptions().tenantIdentifier((Object) "acme").openSession()) {
            s.beginTransaction();
            try (Stream<Shown> rows =
                    PgBulk.stream(s, Shown.class, "from Shown w where w.id <= 10")) {
                assertThat(rows.mapToLong(w -> w.id).sum()).isEqualTo(55);
            }
            // the session goes on after the stream, and streams again
            try (Stream<Shown> rows =
                    PgBulk.stream(s, Shown.class, "from Shown w where w.id = 1")) {
                assertThat(rows.count()).isEqualTo(1);
            }
            s.getTransaction().commit();
        }
    }

    @Test
    void aSinkThrowingARuntimeExceptionLeavesTheConnectionInStep() {
        inSession(
                sf,
                s -> {
                    Transaction tx = s.beginTransaction();
                    assertThatThrownBy(
                                    () ->
                                            PgBulk.export(
                                                    s,
                                                    Shown.class,
                                                    new FailingStream(5000, false),
                                                    PgCopyFormat.TEXT))
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("output failed")
                            .hasRootCauseMessage("sink broke");
                    assertThat(s.createNativeQuery("select 1", Integer.class).getSingleResult())
                            .isEqualTo(1);
                    tx.rollback();
                    // after the rollback the session starts again
                    Transaction next = s.beginTransaction();
                    sessionGoesOn(s, next);
                });
    }

    @Test
    void aWriterFailingPartwayLeavesTheConnectionInStep() {
        Writer failing =
                new Writer() {
                    int chars;

                    @Override
                    public void write(char[] buf, int off, int len) throws IOException {
                        chars += len;
                        if (chars > 2000) {
                            throw new IOException("socket closed");
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        inSession(
                sf,
                s -> {
                    Transaction tx = s.beginTransaction();
                    assertThatThrownBy(
                                    () ->
                                            PgBulk.export(
                                                    s,
                                                    "select w.line from Shown w",
                                                    failing,
                                                    PgCopyFormat.CSV))
                            .isInstanceOf(UncheckedIOException.class)
                            .hasRootCauseMessage("socket closed");
                    sessionGoesOn(s, tx);
                });
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void anEnabledFilterWithoutParametersIsApplied() {
        inSession(
                sf,
                s -> {
                    Transaction tx = s.beginTransaction();
                    s.enableFilter("visibleOnly");
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    long rows =
                            PgBulk.export(
                                    s,
                                    "select w.id, w.visible from Shown w where w.id <= 10"
                                            + " order by w.id",
                                    out,
                                    PgCopyFormat.TEXT);
                    assertThat(rows).isEqualTo(5);
                    assertThat(lines(out)).containsExactly("2\tt", "4\tt", "6\tt", "8\tt", "10\tt");
                    tx.commit();
                });
    }

    @Test
    void anEnabledFilterWithParametersIsRefusedByNameAndStreamsApplyIt() {
        inSession(
                sf,
                s -> {
                    Transaction tx = s.beginTransaction();
                    s.enableFilter("minQty").setParameter("min", 9);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    assertThatThrownBy(() -> PgBulk.export(s, "from Shown", out, PgCopyFormat.CSV))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("bind parameters")
                            .hasMessageContaining("minQty");
                    assertThat(out.size()).isZero();
                    // a stream binds the filter's parameter as the session's queries do
                    try (Stream<Shown> shown =
                            PgBulk.stream(s, Shown.class, "from Shown w where w.id <= 40")) {
                        assertThat(shown.map(w -> w.id))
                                .containsExactlyInAnyOrder(9L, 19L, 29L, 39L);
                    }
                    s.disableFilter("minQty");
                    sessionGoesOn(s, tx);
                });
    }

    @Test
    void aTenantIsRefusedClearlyAndStreamsKeepToIt() {
        try (Session s = tenants.withOptions().tenantIdentifier((Object) "acme").openSession()) {
            Transaction tx = s.beginTransaction();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> PgBulk.export(s, Owned.class, out, PgCopyFormat.CSV))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bind parameters")
                    .hasMessageContaining("tenant");
            assertThat(out.size()).isZero();
            try (Stream<Owned> owned = PgBulk.stream(s, Owned.class, "from Owned o")) {
                assertThat(owned.map(o -> o.name)).containsExactlyInAnyOrder("a1", "a2");
            }
            assertThat(s.createSelectionQuery("from Owned", Owned.class).getResultList())
                    .hasSize(2);
            tx.commit();
        }
    }

    @Test
    void aQueryRunAsSeveralStatementsIsRefused() {
        inSession(
                sf,
                s -> {
                    Transaction tx = s.beginTransaction();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    assertThatThrownBy(
                                    () ->
                                            PgBulk.export(
                                                    s,
                                                    "from " + Labelled.class.getName(),
                                                    out,
                                                    PgCopyFormat.CSV))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("2 statements")
                            .hasMessageContaining("one per entity");
                    assertThat(out.size()).isZero();
                    long rows =
                            PgBulk.export(s, "select c.label from Cat c", out, PgCopyFormat.TEXT);
                    assertThat(rows).isEqualTo(1);
                    assertThat(lines(out)).containsExactly("tom");
                    sessionGoesOn(s, tx);
                });
    }
}
