/**
 * PG-ORM functions: PostgreSQL's full-text search, JSONB, range and trigram operators as HQL
 * functions that render the index-friendly operators ({@link dev.pgorm.functions.PgFunctions} lists
 * the names), typed helpers for Criteria queries ({@link dev.pgorm.functions.PgCriteria}) and
 * per-transaction vector search settings ({@link dev.pgorm.functions.PgVectorSearch}).
 */
package dev.pgorm.functions;
