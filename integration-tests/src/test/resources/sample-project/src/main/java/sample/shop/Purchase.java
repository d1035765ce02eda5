package sample.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "purchase")
public class Purchase {
    @Id Long id;

    @ManyToOne Customer customer;

    BigDecimal total;
}
