/** Extended statistics on several columns ({@code CREATE STATISTICS}); see {@link PgStatistics}. */
package dev.pgorm.ddl.statistics;
