// Longer than 300 lines: one fixture (a one-connection pool, a statement inspector) serves every
// promise of @PgEncrypted, and each test needs it: round trip, missing and wrong keys, where, logs.
package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgorm.ddl.encryption.PgEncrypted;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code @PgEncrypted}: a bytea column written with pgp_sym_encrypt and read with pgp_sym_decrypt,
 * the key set per transaction through {@link RlsContext} and never in the SQL.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgEncryptedIT {

    static final String KEY = "k-7f3e9a1c-vault-only";

    // tag::entity[]
    @Entity(name = "Customer")
    @Table(name = "customer")
    static class Customer {
        @Id Long id;
        String name;

        @PgEncrypted(keySetting = "app.crypto_key")
        String taxId;
    }

    // end::entity[]

    @Embeddable
    static class Tax {
        String country;

        @PgEncrypted(keySetting = "app.crypto_key")
        String taxId;
    }

    @Entity(name = "Supplier")
    @Table(name = "supplier")
    static class Supplier {
        @Id Long id;
        @Embedded Tax tax;
    }

    @Entity(name = "SupplierHistory")
    static class SupplierHistory {
        @Id Long id;
        @ElementCollection List<Tax> taxes;
    }

    @Entity(name = "NumberSecret")
    static class NumberSecret {
        @Id Long id;

        @PgEncrypted(keySetting = "app.crypto_key")
        long pin;
    }

    @Entity(name = "BadSetting")
    static class BadSetting {
        @Id Long id;

        @PgEncrypted(keySetting = "crypto_key'); drop table x; --")
        String secret;
    }

    @Entity(name = "TransientSecret")
    static class TransientSecret {
        @Id Long id;

        @Transient
        @PgEncrypted(keySetting = "app.crypto_key")
        String secret;
    }

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private HikariDataSource pool;
    private SessionFactory sf;

    @BeforeEach
    void needsPgcrypto(PgTestDatabase db) {
        db.requireExtension("pgcrypto");
    }

    @BeforeAll
    void setUp(PgTestDatabase db) {
        if (!db.hasExtensions("pgcrypto")) {
            return; // each test then skips, by name, in needsPgcrypto
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1); // one connection: later transactions reuse it
        pool = new HikariDataSource(config);
        StatementInspector inspector =
                sql -> {
                    statements.add(sql);
                    return sql;
                };
        sf =
                db.entityManagerFactory(
                        List.of(Customer.class),
                        Map.of(
                                AvailableSettings.JAKARTA_NON_JTA_DATASOURCE,
                                pool,
                                AvailableSettings.STATEMENT_INSPECTOR,
                                inspector));
    }

    @AfterAll
    void close() {
        if (sf != null) {
            sf.close();
            pool.close();
        }
    }

    private void save(long id, String name, String taxId) {
        Customer c = new Customer();
        c.id = id;
        c.name = name;
        c.taxId = taxId;
        // tag::write[]
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            sf.inTransaction(s -> s.persist(c));
        }
        // end::write[]
    }

    private String taxIdOf(long id) {
        return sf.fromTransaction(s -> s.find(Customer.class, id).taxId);
    }

    @Test
    void columnIsByteaAndPgcryptoIsThere(PgTestDatabase db) {
        var column =
                db.sql()
                        .query(
                                "select data_type from information_schema.columns"
                                        + " where table_schema = current_schema() and table_name = 'customer'"
                                        + " and column_name = 'taxid'");
        assertThat(column).singleElement().extracting(r -> r.get("data_type")).isEqualTo("bytea");
        var ext = db.sql().query("select 1 from pg_extension where extname = 'pgcrypto'");
        assertThat(ext).hasSize(1);
        // update twice and validate accept the bytea column as it is
        db.schemaAction("update", Customer.class);
        db.schemaAction("update", Customer.class);
        db.schemaAction("validate", Customer.class);
        assertThat(
                        db.sql()
                                .query(
                                        "select data_type from information_schema.columns"
                                                + " where table_schema = current_schema() and table_name = 'customer'"
                                                + " and column_name = 'taxid'"))
                .singleElement()
                .extracting(r -> r.get("data_type"))
                .isEqualTo("bytea");
    }

    @Test
    void roundTripsWithTheKeyAndStoresCiphertext(PgTestDatabase db) {
        save(1, "Ada", "DE-123456789");
        // tag::read[]
        String taxId;
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            taxId = taxIdOf(1);
        }
        // end::read[]
        assertThat(taxId).isEqualTo("DE-123456789");

        byte[] stored =
                (byte[])
                        db.sql()
                                .query("select taxid from customer where id = 1")
                                .get(0)
                                .get("taxid");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("123456789");
        assertThat(stored.length).isGreaterThan("DE-123456789".length());
        var decrypted =
                db.sql()
                        .query(
                                "select pgp_sym_decrypt(taxid, '"
                                        + KEY
                                        + "') as plain from customer where id = 1");
        assertThat(decrypted.get(0).get("plain")).isEqualTo("DE-123456789");
    }

    @Test
    void withoutTheKeyReadsAndWritesFailNamingTheSetting(PgTestDatabase db) {
        save(2, "Bob", "FR-987654321");
        // a connection that never had the setting
        SessionFactory fresh =
                db.entityManagerFactory(
                        List.of(Customer.class), Map.of(AvailableSettings.HBM2DDL_AUTO, "none"));
        assertThatThrownBy(() -> fresh.fromTransaction(s -> s.find(Customer.class, 2L).taxId))
                .hasStackTraceContaining(
                        "unrecognized configuration parameter \"app.crypto_key (not set in this"
                                + " transaction; see @PgEncrypted)\"");
        // the pool's one connection had the setting in an earlier transaction: it reads '' now
        assertThatThrownBy(() -> taxIdOf(2))
                .hasStackTraceContaining(
                        "unrecognized configuration parameter \"app.crypto_key (not set in this"
                                + " transaction; see @PgEncrypted)\"");
        Customer c = new Customer();
        c.id = 3L;
        c.name = "Eve";
        c.taxId = "XX-1";
        assertThatThrownBy(() -> sf.inTransaction(s -> s.persist(c)))
                .hasStackTraceContaining("app.crypto_key (not set in this transaction");
        // other attributes of the entity can still be read without the key
        String name =
                sf.fromTransaction(
                        s ->
                                s.createSelectionQuery(
                                                "select c.name from Customer c where c.id = 2",
                                                String.class)
                                        .getSingleResult());
        assertThat(name).isEqualTo("Bob");
    }

    @Test
    void aWrongKeyFails(PgTestDatabase db) {
        save(4, "Carl", "IT-555");
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", "not-the-key")) {
            assertThatThrownBy(
                            () ->
                                    sf.inTransaction(
                                            s ->
                                                    s.createSelectionQuery(
                                                                    "from Customer c where c.id = 4",
                                                                    Customer.class)
                                                            .getSingleResult()))
                    .hasStackTraceContaining("Wrong key or corrupt data");
            // Session.find logs this error and returns null (Hibernate's handling of a JDBC error
            // in find once the transaction is marked for rollback, HHH-12472)
            Customer[] found = {new Customer()};
            Customer other = new Customer();
            other.id = 10L;
            other.name = "Zed";
            sf.inTransaction(
                    s -> {
                        found[0] = s.find(Customer.class, 4L);
                        s.persist(other); // rolled back with the transaction
                    });
            assertThat(found[0]).isNull();
            // a write is not checked: it encrypts with the wrong key
            Customer wrong = new Customer();
            wrong.id = 11L;
            wrong.name = "Wes";
            wrong.taxId = "written-with-a-wrong-key";
            sf.inTransaction(s -> s.persist(wrong));
        }
        assertThat(db.sql().query("select id from customer where id in (10, 11) order by id"))
                .extracting(r -> ((Number) r.get("id")).longValue())
                .containsExactly(11L);
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", "not-the-key")) {
            assertThat(taxIdOf(11)).isEqualTo("written-with-a-wrong-key");
        }
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            assertThatThrownBy(
                            () ->
                                    sf.inTransaction(
                                            s ->
                                                    s.createSelectionQuery(
                                                                    "select c.taxId from Customer c where c.id = 11",
                                                                    String.class)
                                                            .getSingleResult()))
                    .hasStackTraceContaining("Wrong key or corrupt data");
        }
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            assertThat(taxIdOf(4)).isEqualTo("IT-555");
        }
    }

    @Test
    void whereComparesDecryptedValues() {
        save(5, "Dora", "AT-42");
        save(6, "Emil", "AT-43");
        statements.clear();
        // tag::where[]
        List<Long> ids;
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            ids =
                    sf.fromTransaction(
                            s ->
                                    s.createSelectionQuery(
                                                    "select c.id from Customer c where c.taxId = :taxId",
                                                    Long.class)
                                            .setParameter("taxId", "AT-43")
                                            .getResultList());
        }
        // end::where[]
        assertThat(ids).containsExactly(6L);
        assertThat(statements)
                .singleElement()
                .asString()
                .contains(
                        "where pgp_sym_decrypt(c1_0.taxId, coalesce(nullif(current_setting('app.crypto_key', true), '')");
    }

    @Test
    void theKeyNeverAppearsInTheSql() {
        statements.clear();
        save(7, "Fay", "NL-7");
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            assertThat(taxIdOf(7)).isEqualTo("NL-7");
        }
        assertThat(statements)
                .hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(sql -> sql.startsWith("insert") && sql.contains("pgp_sym_encrypt(?, "))
                .anyMatch(sql -> sql.startsWith("select") && sql.contains("pgp_sym_decrypt("))
                .noneMatch(sql -> sql.contains(KEY));
    }

    @Test
    void bootFailsForANonStringAttributeAndABadSettingName(PgTestDatabase db) {
        assertThatThrownBy(() -> db.entityManagerFactory(NumberSecret.class))
                .hasStackTraceContaining(
                        "@PgEncrypted(keySetting = \"app.crypto_key\") on attribute 'pin' on entity NumberSecret")
                .hasStackTraceContaining(
                        "the attribute is long; @PgEncrypted stores String attributes only");
        assertThatThrownBy(() -> db.entityManagerFactory(BadSetting.class))
                .hasStackTraceContaining("is not a custom setting name");
        assertThatThrownBy(() -> db.entityManagerFactory(TransientSecret.class))
                .hasStackTraceContaining("@PgEncrypted on [secret] of entity TransientSecret")
                .hasStackTraceContaining("not a persistent basic attribute");
    }

    @Test
    void anEmbeddedValuesAttributeIsEncryptedToo(PgTestDatabase db) {
        SessionFactory suppliers = db.entityManagerFactory(Supplier.class);
        try {
            assertThat(db.sql().columnTypes("supplier"))
                    .containsEntry("taxid", "bytea")
                    .containsEntry("country", "character varying(255)");
            Supplier supplier = new Supplier();
            supplier.id = 1L;
            supplier.tax = new Tax();
            supplier.tax.country = "DE";
            supplier.tax.taxId = "DE-123456789";
            try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
                suppliers.inTransaction(s -> s.persist(supplier));
                String taxId = suppliers.fromTransaction(s -> s.find(Supplier.class, 1L).tax.taxId);
                assertThat(taxId).isEqualTo("DE-123456789");
            }
            assertThat(
                            db.sql()
                                    .queryValue(
                                            "select position('DE-123456789' in encode(taxid, 'escape')) from supplier",
                                            Integer.class))
                    .isZero();
        } finally {
            db.close(suppliers);
        }
        assertThatThrownBy(() -> db.entityManagerFactory(SupplierHistory.class))
                .hasStackTraceContaining(
                        "@PgEncrypted in the elements of collection 'taxes' of entity"
                                + " SupplierHistory")
                .hasStackTraceContaining("would be stored unencrypted");
    }

    @Test
    void refusedWhenTheDdlModuleIsOff(PgTestDatabase db) {
        // the read and write expressions would be missing: plain text would be stored
        assertThatThrownBy(
                        () ->
                                db.entityManagerFactory(
                                        List.of(Customer.class),
                                        Map.of(
                                                "pgorm.ddl.enabled",
                                                "false",
                                                AvailableSettings.HBM2DDL_AUTO,
                                                "none")))
                .hasStackTraceContaining("@PgEncrypted on attribute 'taxId' of entity Customer")
                .hasStackTraceContaining(
                        "cannot be applied because pgorm.ddl.enabled is false, and the value would"
                                + " be stored unencrypted");
    }
}
