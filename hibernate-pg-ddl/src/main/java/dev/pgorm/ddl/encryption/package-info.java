/**
 * Attributes encrypted on the server with pgcrypto, their key read from a transaction-local
 * setting; see {@link PgEncrypted}.
 */
package dev.pgorm.ddl.encryption;
