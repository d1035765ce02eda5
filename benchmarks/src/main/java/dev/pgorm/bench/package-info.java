/**
 * PG-ORM's benchmarks: each {@link dev.pgorm.bench.BenchmarkCase} compares a baseline with PG-ORM
 * in one run on the same server, with warm-up and interleaved repetitions, and {@link
 * dev.pgorm.bench.Benchmarks} writes the medians, spreads and ratios to {@code
 * docs/performance.md}.
 */
package dev.pgorm.bench;
