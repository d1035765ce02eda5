/** The DDL module's machinery: the mapping contributor, the schema-tool wrapper, shared helpers. */
package dev.pgorm.ddl.internal;
