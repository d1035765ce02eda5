package dev.pgorm.it.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.encryption.PgEncrypted;
import dev.pgorm.rls.RlsContext;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @PgEncrypted} added to a column that exists as text: {@code update} turns an empty table's
 * column into {@code bytea}, refuses a table with rows before changing anything (naming the
 * statement that encrypts them), and {@code validate} reports the text column.
 */
@PgTest
class PgEncryptedUpdateIT {

    static final String KEY = "k-update-2c81-vault-only";

    /** The first version: the tax id in plain text. */
    @Entity(name = "Customer")
    @Table(name = "customer")
    static class PlainCustomer {
        @Id Long id;
        String taxId;
    }

    /** The next version: the tax id encrypted, and a new column that update would add. */
    @Entity(name = "Customer")
    @Table(name = "customer")
    static class Customer {
        @Id Long id;

        @PgEncrypted(keySetting = "app.crypto_key")
        String taxId;

        String note;
    }

    /** The next version without the new column, for validate to reach the encrypted one. */
    @Entity(name = "Customer")
    @Table(name = "customer")
    static class EncryptedOnly {
        @Id Long id;

        @PgEncrypted(keySetting = "app.crypto_key")
        String taxId;
    }

    private static final String MIGRATION =
            "ALTER TABLE customer ALTER COLUMN taxid TYPE bytea USING pgp_sym_encrypt(taxid,"
                    + " current_setting('app.crypto_key'))";

    @BeforeEach
    void plainTable(PgTestDatabase db) {
        db.requireExtension("pgcrypto");
        db.resetSchema();
        db.schemaAction("create", PlainCustomer.class);
    }

    private static String columnType(PgTestDatabase db, String column) {
        return db.sql()
                .queryValue(
                        """
                        select (select format_type(atttypid, atttypmod) from pg_attribute
                                where attrelid = 'customer'::regclass and attname = ?
                                  and not attisdropped)
                        """,
                        String.class,
                        column);
    }

    /** A factory on the table as it is: no schema action. */
    private static SessionFactory factory(PgTestDatabase db) {
        return db.entityManagerFactory(
                List.of(Customer.class), Map.of(AvailableSettings.HBM2DDL_AUTO, "none"));
    }

    private static String readTaxId(PgTestDatabase db, long id) {
        SessionFactory sf = factory(db);
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            return sf.fromTransaction(s -> s.find(Customer.class, id).taxId);
        } finally {
            db.close(sf);
        }
    }

    @Test
    void updateTurnsAnEmptyTablesTextColumnIntoBytea(PgTestDatabase db) {
        assertThat(columnType(db, "taxid")).isEqualTo("character varying(255)");
        db.schemaAction("update", Customer.class);
        assertThat(columnType(db, "taxid")).isEqualTo("bytea");
        assertThat(columnType(db, "note")).isEqualTo("character varying(255)");
        db.schemaAction("update", Customer.class);
        db.schemaAction("validate", Customer.class);
        SessionFactory sf = factory(db);
        try (RlsContext.Scope key = RlsContext.set("app.crypto_key", KEY)) {
            sf.inTransaction(
                    s -> {
                        Customer c = new Customer();
                        c.id = 1L;
                        c.taxId = "DE-123";
                        s.persist(c);
                    });
        } finally {
            db.close(sf);
        }
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select pgp_sym_decrypt(taxid, ?) from customer",
                                        String.class,
                                        KEY))
                .isEqualTo("DE-123");
        assertThat(readTaxId(db, 1L)).isEqualTo("DE-123");
    }

    @Test
    void updateRefusesATableWithRowsAndChangesNothing(PgTestDatabase db) throws SQLException {
        db.execute("insert into customer (id, taxId) values (1, 'DE-123')");
        assertThatThrownBy(() -> db.schemaAction("update", Customer.class))
                .hasStackTraceContaining("schema update refused, nothing was changed")
                .hasStackTraceContaining(
                        "column customer.taxid is character varying(255) in the database, but"
                                + " @PgEncrypted(keySetting = \"app.crypto_key\") on attribute"
                                + " 'taxId'")
                .hasStackTraceContaining("and the table has rows")
                .hasStackTraceContaining("SET app.crypto_key = '...'): " + MIGRATION);
        assertThat(columnType(db, "taxid")).isEqualTo("character varying(255)");
        assertThat(columnType(db, "note")).as("update changed nothing at all").isNull();
        assertThat(db.sql().queryValue("select taxid from customer", String.class))
                .isEqualTo("DE-123");

        assertThatThrownBy(() -> db.schemaAction("validate", EncryptedOnly.class))
                .hasStackTraceContaining(
                        "column customer.taxid is character varying(255) in the database, but"
                                + " @PgEncrypted")
                .hasStackTraceContaining("stores it as bytea, encrypted")
                .hasStackTraceContaining("(with rows, encrypt them: " + MIGRATION + ")");

        // the statement from the message, run as it says, where the setting holds the key (for
        // this transaction only: the connection goes back to a pool)
        try (Connection c = db.connection();
                PreparedStatement set =
                        c.prepareStatement("select set_config('app.crypto_key', ?, true)");
                Statement alter = c.createStatement()) {
            c.setAutoCommit(false);
            set.setString(1, KEY);
            set.execute();
            alter.execute(MIGRATION);
            c.commit();
            c.setAutoCommit(true);
        }
        db.schemaAction("update", Customer.class);
        db.schemaAction("validate", Customer.class);
        assertThat(columnType(db, "note")).isEqualTo("character varying(255)");
        assertThat(readTaxId(db, 1L)).isEqualTo("DE-123");
    }
}
