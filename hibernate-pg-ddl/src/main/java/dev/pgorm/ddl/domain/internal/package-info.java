/** How domains are declared, created, changed and checked. */
package dev.pgorm.ddl.domain.internal;
