/**
 * The only places where PG-ORM reaches into another library's private state or calls members it
 * cannot name at compile time: one class per library, each member checked once, and a warning
 * logged once with the documented fallback when the member is not there.
 */
package dev.pgorm.core.internal.reflect;
