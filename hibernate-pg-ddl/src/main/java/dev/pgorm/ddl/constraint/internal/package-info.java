/** How exclusion constraints are checked and created. */
package dev.pgorm.ddl.constraint.internal;
