package dev.pgorm.it.ddl.domainpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.domain.PgDomainType;
import dev.pgorm.ddl.procedure.PgProcedures;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/**
 * A domain (with a collation) and a procedure declared on a {@code package-info}, used by two
 * entities of the package.
 */
@PgTest
class PackageDomainIT {

    @Entity(name = "StockItem")
    @Table(name = "stock_item")
    public static class StockItem {
        @Id Long id;

        @PgDomainType("sku")
        String sku;

        int quantity;
    }

    @Entity(name = "Supplier")
    @Table(name = "supplier")
    public static class Supplier {
        @Id Long id;

        @PgDomainType("sku")
        String preferredSku;
    }

    @Test
    void aPackageDomainAndProcedureServeEveryEntityOfThePackage(PgTestDatabase db) {
        db.resetSchema();
        SessionFactory sf = db.entityManagerFactory(StockItem.class, Supplier.class);
        try {
            assertThat(
                            db.sql()
                                    .queryValue(
                                            """
                                            select format_type(t.typbasetype, t.typtypmod) || ' ' || c.collname
                                            from pg_type t join pg_collation c on c.oid = t.typcollation
                                            where t.oid = to_regtype('sku') and t.typtype = 'd'
                                            """,
                                            String.class))
                    .isEqualTo("character varying(12) C");
            assertThat(db.sql().columnTypes("stock_item")).containsEntry("sku", "sku");
            assertThat(db.sql().columnTypes("supplier")).containsEntry("preferredsku", "sku");
            sf.inTransaction(
                    s -> {
                        StockItem item = new StockItem();
                        item.id = 1L;
                        item.sku = "ABC-42";
                        item.quantity = 1;
                        s.persist(item);
                        s.flush();
                        PgProcedures.call(s, "restock", 4);
                        s.refresh(item);
                        assertThat(item.quantity).isEqualTo(5);
                    });
            assertThatThrownBy(
                            () ->
                                    sf.inTransaction(
                                            s -> {
                                                Supplier supplier = new Supplier();
                                                supplier.id = 1L;
                                                supplier.preferredSku = "abc-42";
                                                s.persist(supplier);
                                                s.flush();
                                            }))
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("sku_check");
            db.schemaAction("update", StockItem.class, Supplier.class);
            db.schemaAction("validate", StockItem.class, Supplier.class);
        } finally {
            db.close(sf);
        }
    }
}
