/** Exclusion constraints; see {@link dev.pgorm.ddl.constraint.ExclusionConstraint}. */
package dev.pgorm.ddl.constraint;
