/** How table inheritance is checked and created. */
package dev.pgorm.ddl.inheritance.internal;
