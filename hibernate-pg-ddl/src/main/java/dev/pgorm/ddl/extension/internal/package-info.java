/** How extensions are detected, created and checked. */
package dev.pgorm.ddl.extension.internal;
