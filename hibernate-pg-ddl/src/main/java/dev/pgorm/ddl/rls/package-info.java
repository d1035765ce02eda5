/**
 * Row-level security declared on entities: {@link RowLevelSecurity} enables it on the table and
 * {@link Policy} declares its policies.
 */
package dev.pgorm.ddl.rls;
