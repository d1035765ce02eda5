/** How procedures are declared and called. */
package dev.pgorm.ddl.procedure.internal;
