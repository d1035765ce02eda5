package dev.pgorm.it.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.QueryException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Functions of an extension check that the extension is installed (read at the end of boot, and
 * again when a missing one is used): a missing one fails naming the function, the extension and the
 * fix; one installed in a schema off the search path is called schema-qualified; one created after
 * boot is found without a restart. A database of its own, since extensions are database-wide.
 */
@PgTest(isolation = PgTest.Isolation.DATABASE)
class ExtensionDetectionIT {

    /** {@code InstalledExtensions.RECHECK} (2 s) and a margin. */
    private static final long AFTER_RECHECK_MILLIS = 2_500;

    @Entity(name = "Login")
    @Table(name = "login")
    static class Login {
        @Id Long id;
        String name;
        String path;
    }

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private SessionFactory sf;

    @BeforeEach
    void noPgcrypto(PgTestDatabase db) {
        db.requireAvailable("pgcrypto");
        db.execute(
                "drop extension if exists pgcrypto",
                "drop extension if exists ltree",
                "drop schema if exists extensions cascade");
        statements.clear();
    }

    @AfterEach
    void close(PgTestDatabase db) {
        if (sf != null) {
            db.close(sf);
            sf = null;
        }
    }

    /** Boots a factory whose SQL is recorded in {@link #statements}, with one row. */
    private SessionFactory boot(PgTestDatabase db) {
        StatementInspector recorder =
                sql -> {
                    statements.add(sql);
                    return sql;
                };
        sf =
                db.entityManagerFactory(
                        List.of(Login.class),
                        Map.of(AvailableSettings.STATEMENT_INSPECTOR, recorder));
        db.execute("insert into login (id, name, path) values (1, 'abc', 'Top.Science')");
        return sf;
    }

    private static byte[] digestOf(SessionFactory sf) {
        return sf.fromTransaction(
                s ->
                        s.createSelectionQuery(
                                        "select digest(l.name, 'sha256') from Login l where l.id = 1",
                                        byte[].class)
                                .getSingleResult());
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String schemaOfPgcrypto(PgTestDatabase db) {
        List<Map<String, Object>> rows =
                db.sql()
                        .query(
                                """
                                select n.nspname
                                  from pg_extension e
                                  join pg_namespace n on n.oid = e.extnamespace
                                 where e.extname = 'pgcrypto'
                                """);
        return rows.isEmpty() ? null : (String) rows.get(0).get("nspname");
    }

    @Test
    void aMissingExtensionFailsNamingTheFunctionTheExtensionAndTheFix(PgTestDatabase db) {
        SessionFactory sf = boot(db);
        assertThat(schemaOfPgcrypto(db)).isNull();
        assertThatThrownBy(() -> digestOf(sf))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("HQL function digest()")
                .hasMessageContaining("pgcrypto extension, which is not installed")
                .hasMessageContaining("@PgExtension(\"pgcrypto\")")
                .hasMessageContaining("CREATE EXTENSION pgcrypto");
        assertThat(statements).noneMatch(sql -> sql.contains("digest"));

        // the same for ltree's operators, and gen_random_uuid needs no extension
        assertThatThrownBy(
                        () ->
                                sf.fromTransaction(
                                        s ->
                                                s.createSelectionQuery(
                                                                "select l.id from Login l where ltree_matches(l.path, 'Top.*')",
                                                                Long.class)
                                                        .getResultList()))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("HQL function ltree_matches()")
                .hasMessageContaining("@PgExtension(\"ltree\")");
        UUID uuid =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery("select gen_random_uuid()", UUID.class)
                                        .getSingleResult());
        assertThat(uuid.version()).isEqualTo(4);
    }

    @Test
    void anExtensionInASchemaOffTheSearchPathIsCalledQualified(PgTestDatabase db) throws Exception {
        // tag::offpath[]
        db.execute("create schema extensions", "create extension pgcrypto schema extensions");
        SessionFactory sf = boot(db); // search_path: "$user", public
        assertThat(digestOf(sf)).isEqualTo(sha256("abc"));
        assertThat(statements).anyMatch(sql -> sql.contains("\"extensions\".digest("));
        // end::offpath[]
        assertThat(schemaOfPgcrypto(db)).isEqualTo("extensions");
        assertThatThrownBy(
                        () -> db.sql().queryValue("select digest('abc', 'sha256')", byte[].class))
                .as("unqualified, PostgreSQL does not find it")
                .hasMessageContaining("does not exist");

        sf.inTransaction(
                s ->
                        s.createMutationQuery(
                                        "update Login l set l.path = crypt(:pw, gen_salt('bf', 4))")
                                .setParameter("pw", "secret")
                                .executeUpdate());
        long verified =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select count(l) from Login l where l.path = crypt(:pw, l.path)",
                                                Long.class)
                                        .setParameter("pw", "secret")
                                        .getSingleResult());
        assertThat(verified).isEqualTo(1L);
        assertThat(statements)
                .anyMatch(
                        sql ->
                                sql.contains("\"extensions\".crypt(")
                                        && sql.contains("\"extensions\".gen_salt("));
    }

    @Test
    void theCatalogIsReadAtBootSoABusyPoolDoesNotMatter(PgTestDatabase db) throws Exception {
        db.execute("create schema extensions", "create extension pgcrypto schema extensions");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource one = new HikariDataSource(config)) {
            sf =
                    db.entityManagerFactory(
                            List.of(Login.class),
                            Map.of(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, one));
            db.execute("insert into login (id, name, path) values (1, 'abc', 'Top.Science')");
            // the transaction holds the pool's only connection: a catalog read at the first
            // rendering would time out, render unqualified, and PostgreSQL would not find digest
            assertThat(digestOf(sf)).isEqualTo(sha256("abc"));
            db.close(sf);
            sf = null;
        }
    }

    @Test
    void anExtensionCreatedAfterBootIsFoundWithoutARestart(PgTestDatabase db) throws Exception {
        SessionFactory sf = boot(db);
        assertThatThrownBy(() -> digestOf(sf)).isInstanceOf(QueryException.class);

        db.execute("create extension pgcrypto");
        assertThat(schemaOfPgcrypto(db)).isEqualTo("public");
        Thread.sleep(AFTER_RECHECK_MILLIS); // a missing extension is looked for again after 2 s
        // a query starts the look in the background (and may still fail); one a moment later
        // finds the extension
        byte[] found = null;
        for (int i = 0; i < 50 && found == null; i++) {
            Thread.sleep(100);
            try {
                found = digestOf(sf);
            } catch (QueryException stillMissing) {
                // the look in the background has not finished yet
            }
        }
        assertThat(found).isEqualTo(sha256("abc"));
        assertThat(statements)
                .anyMatch(sql -> sql.contains("digest(") && !sql.contains("\".digest("));
    }
}
