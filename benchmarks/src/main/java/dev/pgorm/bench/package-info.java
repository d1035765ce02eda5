/**
 * PG-ORM's benchmarks: each case compares PG-ORM with its baseline in one run on the same server
 * and writes the ratios to {@code docs/performance.md}. The harness and the first case arrive with
 * the bulk-insert work; see the project's issues.
 */
package dev.pgorm.bench;
