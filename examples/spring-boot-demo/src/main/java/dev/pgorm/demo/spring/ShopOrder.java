package dev.pgorm.demo.spring;

import dev.pgorm.ddl.rls.Policy;
import dev.pgorm.ddl.rls.RowLevelSecurity;
import dev.pgorm.notify.NotifyOnChange;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An order: its owner is the authenticated user, and only the owner sees it (row-level security);
 * every change is announced on {@code order_changes}.
 */
@Entity
@Table(name = "shop_order")
@RowLevelSecurity(force = true)
@Policy(
        name = "order_owner",
        using = "owner = current_setting('app.user_name', true)",
        withCheck = "owner = current_setting('app.user_name', true)")
@NotifyOnChange(channel = "order_changes")
public class ShopOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String owner;
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attrs;

    /** For JPA and JSON. */
    protected ShopOrder() {}

    /**
     * Creates an order.
     *
     * @param owner the user it belongs to
     * @param description free text, searched with full-text search
     * @param attrs any attributes, stored as jsonb
     */
    public ShopOrder(String owner, String description, Map<String, Object> attrs) {
        this.owner = owner;
        this.description = description;
        this.attrs = attrs;
    }

    /** Returns the id. */
    public Long getId() {
        return id;
    }

    /** Returns the owner. */
    public String getOwner() {
        return owner;
    }

    /** Returns the description. */
    public String getDescription() {
        return description;
    }

    /** Returns the attributes. */
    public Map<String, Object> getAttrs() {
        return attrs;
    }
}
