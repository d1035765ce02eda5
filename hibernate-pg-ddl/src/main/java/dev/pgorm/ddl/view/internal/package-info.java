/** How materialized views are created, checked and refreshed. */
package dev.pgorm.ddl.view.internal;
