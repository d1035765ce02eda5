/** The benchmark cases, one class per claim. */
package dev.pgorm.bench.cases;
