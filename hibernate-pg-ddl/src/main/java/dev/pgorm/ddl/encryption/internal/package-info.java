/** How {@link dev.pgorm.ddl.encryption.PgEncrypted} attributes get their column expressions. */
package dev.pgorm.ddl.encryption.internal;
