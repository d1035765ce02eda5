package dev.pgorm.it.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.PgBulk;
import dev.pgorm.bulk.PgBulkException;
import dev.pgorm.testing.PgTest;
import dev.pgorm.testing.PgTestDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Update and delete of entities with composite identifiers ({@code @IdClass}, {@code @EmbeddedId}):
 * every identifier column takes part in the match, so rows sharing a part of the key stay as they
 * are; delete takes identifiers of the id class.
 */
@PgTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkCompositeIdIT {

    /** The id class of {@link Stock}. */
    public static class StockKey implements Serializable {
        private static final long serialVersionUID = 1L;

        String warehouse;
        int sku;

        public StockKey() {}

        StockKey(String warehouse, int sku) {
            this.warehouse = warehouse;
            this.sku = sku;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StockKey k && k.warehouse.equals(warehouse) && k.sku == sku;
        }

        @Override
        public int hashCode() {
            return Objects.hash(warehouse, sku);
        }
    }

    @Entity(name = "Stock")
    @Table(name = "stock")
    @IdClass(StockKey.class)
    public static class Stock {
        @Id String warehouse;

        @Id int sku;

        int quantity;

        @Version Integer version;
    }

    /** The embedded id of {@link Shipment}. */
    @Embeddable
    public static class ShipmentKey implements Serializable {
        private static final long serialVersionUID = 1L;

        long orderId;
        short line;

        public ShipmentKey() {}

        ShipmentKey(long orderId, short line) {
            this.orderId = orderId;
            this.line = line;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ShipmentKey k && k.orderId == orderId && k.line == line;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, line);
        }
    }

    @Entity(name = "Shipment")
    @Table(name = "shipment")
    public static class Shipment {
        @EmbeddedId ShipmentKey key;

        String status;
    }

    private SessionFactory sf;

    @BeforeAll
    void setUp(PgTestDatabase db) {
        sf = db.entityManagerFactory(Stock.class, Shipment.class);
    }

    @BeforeEach
    void empty(PgTestDatabase db) {
        db.execute("delete from stock", "delete from shipment");
    }

    /** Stock in two warehouses with the same skus: keys that share their sku. */
    private static List<Stock> stock(int skus) {
        List<Stock> rows = new ArrayList<>();
        for (String warehouse : List.of("north", "south")) {
            for (int sku = 0; sku < skus; sku++) {
                Stock s = new Stock();
                s.warehouse = warehouse;
                s.sku = sku;
                s.quantity = sku;
                rows.add(s);
            }
        }
        return rows;
    }

    private Stock find(String warehouse, int sku) {
        return sf.fromTransaction(em -> em.find(Stock.class, new StockKey(warehouse, sku)));
    }

    private static List<Shipment> shipments(int orders) {
        List<Shipment> rows = new ArrayList<>();
        for (long order = 1; order <= orders; order++) {
            for (short line = 1; line <= 2; line++) {
                Shipment s = new Shipment();
                s.key = new ShipmentKey(order, line);
                s.status = "new";
                rows.add(s);
            }
        }
        return rows;
    }

    @Test
    void anIdClassEntityIsUpdatedOnAllItsIdColumns() {
        List<Stock> rows = stock(300);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        // the north warehouse's rows only, many (COPY) and then few (INSERTs into the temp table)
        List<Stock> north = rows.subList(0, 300);
        north.forEach(s -> s.quantity = 1000 + s.sku);
        long updated = sf.fromTransaction(em -> PgBulk.update(em, north));
        assertThat(updated).isEqualTo(300);
        List<Stock> few = rows.subList(0, 3);
        few.forEach(s -> s.quantity = -s.sku);
        long fewUpdated = sf.fromTransaction(em -> PgBulk.update(em, few));
        assertThat(fewUpdated).isEqualTo(3);

        assertThat(find("north", 2).quantity).isEqualTo(-2);
        assertThat(find("north", 2).version).isEqualTo(2);
        assertThat(find("north", 299).quantity).isEqualTo(1299);
        assertThat(find("north", 299).version).isEqualTo(1);
        assertThat(north.get(299).version).isEqualTo(1);
        // same sku, other warehouse: untouched
        assertThat(find("south", 2).quantity).isEqualTo(2);
        assertThat(find("south", 299).quantity).isEqualTo(299);
        assertThat(find("south", 299).version).isZero();
    }

    @Test
    void aMissingOrStaleCompositeRowIsNamedAndNothingIsApplied(PgTestDatabase db) {
        List<Stock> rows = stock(150);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        Stock ghost = new Stock();
        ghost.warehouse = "west";
        ghost.sku = 7;
        ghost.version = 0;
        List<Stock> feed = new ArrayList<>(rows);
        feed.add(ghost);
        feed.forEach(s -> s.quantity = -5);
        assertThatThrownBy(() -> sf.inTransaction(em -> PgBulk.update(em, feed)))
                .isInstanceOf(PgBulkException.class)
                .hasMessageContaining("id (7,west)") // (sku, warehouse): the columns in table order
                .hasMessageContaining("no row was updated");
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from stock where quantity = -5",
                                        Long.class))
                .isZero();
    }

    @Test
    void anEmbeddedIdEntityIsUpdatedOnAllItsIdColumns() {
        List<Shipment> rows = shipments(200);
        sf.inTransaction(em -> PgBulk.insert(em, rows));
        // line 1 of every order; line 2 shares the order id and keeps its status
        List<Shipment> firstLines = rows.stream().filter(s -> s.key.line == 1).toList();
        firstLines.forEach(s -> s.status = "shipped");
        // tag::update-composite[]
        long updated = sf.fromTransaction(em -> PgBulk.update(em, firstLines));
        // end::update-composite[]
        assertThat(updated).isEqualTo(200);
        Shipment shipped =
                sf.fromTransaction(em -> em.find(Shipment.class, new ShipmentKey(17, (short) 1)));
        Shipment kept =
                sf.fromTransaction(em -> em.find(Shipment.class, new ShipmentKey(17, (short) 2)));
        assertThat(shipped.status).isEqualTo("shipped");
        assertThat(kept.status).isEqualTo("new");
    }

    @Test
    void deleteTakesIdsOfTheIdClassAndMatchesAllColumns(PgTestDatabase db) {
        sf.inTransaction(em -> PgBulk.insert(em, stock(300)));
        List<StockKey> keys = new ArrayList<>();
        for (int sku = 0; sku < 300; sku += 2) {
            keys.add(new StockKey("north", sku));
        }
        keys.add(new StockKey("east", 1)); // no such row: ignored
        long deleted = sf.fromTransaction(em -> PgBulk.delete(em, Stock.class, keys));
        assertThat(deleted).isEqualTo(150);
        assertThat(find("north", 2)).isNull();
        assertThat(find("north", 3)).isNotNull();
        assertThat(find("south", 2)).isNotNull();
        assertThat(db.sql().queryValue("select count(*) from stock", Long.class)).isEqualTo(450);

        sf.inTransaction(em -> PgBulk.insert(em, shipments(100)));
        // tag::delete-composite[]
        List<ShipmentKey> ids =
                List.of(new ShipmentKey(5, (short) 2), new ShipmentKey(9, (short) 1));
        long n = sf.fromTransaction(em -> PgBulk.delete(em, Shipment.class, ids));
        // end::delete-composite[]
        assertThat(n).isEqualTo(2);
        assertThat(
                        db.sql()
                                .queryValue(
                                        "select count(*) from shipment where (orderId, line) in"
                                                + " ((5, 1), (9, 2))",
                                        Long.class))
                .isEqualTo(2);
        assertThat(db.sql().queryValue("select count(*) from shipment", Long.class)).isEqualTo(198);
    }

    @Test
    void deleteRefusesIdsOfAnotherType() {
        assertThatThrownBy(
                        () ->
                                sf.inTransaction(
                                        em -> PgBulk.delete(em, Stock.class, List.of(1L, 2L))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id at position 0 is a java.lang.Long")
                .hasMessageContaining(StockKey.class.getName());
    }
}
