/**
 * Functions and triggers declared on entities: {@link PgFunction}, {@link PgTrigger}, and the
 * ready-made {@link TouchOnUpdate}.
 */
package dev.pgorm.ddl.trigger;
