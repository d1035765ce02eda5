/** Entities of this package need the ltree extension, declared once for the whole package. */
@PgExtension("ltree")
package dev.pgorm.it.ddl.pkg;

import dev.pgorm.ddl.extension.PgExtension;
