/** How row-level security and policies are checked and rendered. */
package dev.pgorm.ddl.rls.internal;
