/** How the test harness finds, prepares and watches the PostgreSQL server; not for tests to use. */
package dev.pgorm.testing.internal;
