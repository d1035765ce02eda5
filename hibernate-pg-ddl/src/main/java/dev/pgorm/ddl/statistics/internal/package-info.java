/** How {@code @PgStatistics} is checked and rendered. */
package dev.pgorm.ddl.statistics.internal;
