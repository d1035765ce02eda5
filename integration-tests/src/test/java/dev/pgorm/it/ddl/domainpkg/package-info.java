/** Entities of this package share a domain and a procedure, declared once for the package. */
@PgDomain(
        name = "sku",
        type = "varchar(12)",
        check = "value ~ '^[A-Z]{3}-[0-9]+$'",
        collation = "C")
@PgProcedure(
        name = "restock",
        arguments = "amount integer",
        body = "begin update stock_item set quantity = quantity + amount; end")
package dev.pgorm.it.ddl.domainpkg;

import dev.pgorm.ddl.domain.PgDomain;
import dev.pgorm.ddl.procedure.PgProcedure;
