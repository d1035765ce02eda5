package dev.pgorm.demo.spring;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The REST API; every call runs as the authenticated user, whose rows alone it sees. */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    /** What a client sends to create an order. */
    public record NewOrder(String description, Map<String, Object> attrs) {}

    private final ShopOrderRepository orders;
    private final OrderChanges changes;

    OrderController(ShopOrderRepository orders, OrderChanges changes) {
        this.orders = orders;
        this.changes = changes;
    }

    @PostMapping
    ShopOrder create(@RequestBody NewOrder order, Principal user) {
        return orders.save(new ShopOrder(user.getName(), order.description(), order.attrs()));
    }

    @GetMapping
    List<ShopOrder> list() {
        return orders.findAll();
    }

    @GetMapping("/search")
    List<ShopOrder> search(@RequestParam("q") String query) {
        return orders.search(query);
    }

    @PostMapping("/import")
    Map<String, Long> importAll(@RequestBody List<NewOrder> batch, Principal user) {
        List<ShopOrder> entities =
                batch.stream()
                        .map(o -> new ShopOrder(user.getName(), o.description(), o.attrs()))
                        .toList();
        return Map.of("inserted", orders.bulkInsert(entities));
    }

    @GetMapping("/changes")
    SseEmitter changes() {
        return changes.subscribe();
    }
}
