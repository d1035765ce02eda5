/**
 * PG-ORM types: PostgreSQL ranges ({@link dev.pgorm.types.PgRange}), multiranges ({@link
 * dev.pgorm.types.PgMultirange}) and text search values ({@link dev.pgorm.types.PgTsVector}, {@link
 * dev.pgorm.types.PgTsQuery}), mapped by Hibernate without annotations once this module is on the
 * class path.
 */
package dev.pgorm.types;
