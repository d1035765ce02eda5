/** Collations declared for Hibernate's {@code @Collate} columns; see {@link PgCollation}. */
package dev.pgorm.ddl.collation;
