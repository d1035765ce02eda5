/**
 * Functions and triggers declared on entities: {@link dev.pgorm.ddl.trigger.PgFunction}, {@link
 * dev.pgorm.ddl.trigger.PgTrigger}, and the ready-made {@link dev.pgorm.ddl.trigger.TouchOnUpdate}.
 */
package dev.pgorm.ddl.trigger;
