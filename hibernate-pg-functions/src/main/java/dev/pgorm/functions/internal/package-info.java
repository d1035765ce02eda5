/** The function descriptors behind {@link dev.pgorm.functions.PgFunctions}. */
package dev.pgorm.functions.internal;
