package dev.pgorm.ddl.encryption;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a {@code String} attribute encrypted, in a {@code bytea} column, with pgcrypto's {@code
 * pgp_sym_encrypt}; PostgreSQL encrypts on write and decrypts on read with the key held in a custom
 * setting of the current transaction, so that the key never appears in the SQL text.
 *
 * <p>Hibernate writes {@code pgp_sym_encrypt(?, key)} and reads {@code pgp_sym_decrypt(column,
 * key)}, where {@code key} is {@code current_setting('app.crypto_key')}; schema export creates the
 * column as {@code bytea} and runs {@code CREATE EXTENSION IF NOT EXISTS pgcrypto}. Set the key for
 * each transaction through {@code RlsContext} (hibernate-pg-rls), which applies it with {@code
 * set_config(name, value, true)} and bound parameters. Without the key, reading or writing the
 * attribute fails. A where clause on the attribute compares decrypted values and cannot use an
 * index.
 *
 * <pre>{@code
 * @PgEncrypted(keySetting = "app.crypto_key")
 * String taxId;
 *
 * try (RlsContext.Scope key = RlsContext.set("app.crypto_key", secretFromVault)) {
 *     sessionFactory.inTransaction(s -> s.persist(customer));
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PgEncrypted {

    /**
     * Returns the custom setting that holds the key in each transaction.
     *
     * @return a prefixed setting name such as {@code app.crypto_key}
     */
    String keySetting();
}
