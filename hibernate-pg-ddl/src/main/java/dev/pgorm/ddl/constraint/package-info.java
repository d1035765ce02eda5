/** Exclusion constraints; see {@link ExclusionConstraint}. */
package dev.pgorm.ddl.constraint;
