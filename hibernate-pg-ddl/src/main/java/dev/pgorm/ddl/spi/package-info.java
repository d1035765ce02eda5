/**
 * What other PG-ORM modules (row-level security checks) need from the DDL module: how it finds an
 * entity's annotations. Not meant for applications.
 */
package dev.pgorm.ddl.spi;
