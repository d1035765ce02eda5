/**
 * PG-ORM core: settings shared by every module and small runtime APIs.
 *
 * <p>Everything under {@code dev.pgorm.core.internal} is shared plumbing for the other PG-ORM
 * modules (identifier quoting, the PostgreSQL dialect guard, the settings reader, server capability
 * detection) and may change without notice.
 */
package dev.pgorm.core;
