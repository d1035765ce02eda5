/** How {@code @PgCollation} is checked and rendered. */
package dev.pgorm.ddl.collation.internal;
