/** How {@code @PgIndex} is checked and rendered. */
package dev.pgorm.ddl.index.internal;
