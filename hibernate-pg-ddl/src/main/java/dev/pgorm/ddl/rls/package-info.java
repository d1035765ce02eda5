/**
 * Row-level security declared on entities: {@link dev.pgorm.ddl.rls.RowLevelSecurity} enables it on
 * the table and {@link dev.pgorm.ddl.rls.Policy} declares its policies.
 */
package dev.pgorm.ddl.rls;
