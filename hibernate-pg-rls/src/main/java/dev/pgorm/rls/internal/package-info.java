/** How the settings reach PostgreSQL: the connection wrapper, its provider and the checks. */
package dev.pgorm.rls.internal;
