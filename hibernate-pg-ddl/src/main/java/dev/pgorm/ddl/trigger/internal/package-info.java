/** How functions and triggers are checked and rendered. */
package dev.pgorm.ddl.trigger.internal;
