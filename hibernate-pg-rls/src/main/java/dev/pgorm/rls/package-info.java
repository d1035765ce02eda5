/**
 * PG-ORM row-level security context: settings bound to the current thread ({@link RlsContext}) or
 * supplied by the application ({@link RlsContextProvider}), applied at the start of every
 * transaction with {@code set_config(name, value, true)} so that they end with it and never reach
 * the next user of a pooled connection.
 */
package dev.pgorm.rls;
