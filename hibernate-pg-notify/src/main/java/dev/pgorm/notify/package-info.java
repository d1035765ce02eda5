/**
 * PG-ORM LISTEN/NOTIFY: {@link dev.pgorm.notify.PgNotify} publishes in the current transaction
 * (delivered on commit), {@link dev.pgorm.notify.PgListener} listens on a connection of its own and
 * survives disconnects, and {@link dev.pgorm.notify.NotifyOnChange} publishes entity changes.
 */
package dev.pgorm.notify;
