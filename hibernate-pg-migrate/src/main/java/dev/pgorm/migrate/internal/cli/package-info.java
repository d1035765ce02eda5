/** The command line: {@code java -jar hibernate-pg-migrate-<version>-cli.jar diff|verify ...}. */
package dev.pgorm.migrate.internal.cli;
