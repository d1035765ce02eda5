package dev.pgorm.demo.spring;

import dev.pgorm.spring.PgBulkRepository;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Orders: Spring Data, full-text search through PG-ORM's HQL functions, COPY bulk inserts. */
public interface ShopOrderRepository
        extends JpaRepository<ShopOrder, Long>, PgBulkRepository<ShopOrder> {

    /**
     * Finds orders whose description matches a web-search query.
     *
     * @param query such as {@code "red -blue"}
     * @return the matching orders the current user may see
     */
    @Query(
            """
            select o from ShopOrder o
             where ts_match(to_tsvector('english', o.description),
                            websearch_to_tsquery('english', :query))
             order by o.id
            """)
    List<ShopOrder> search(@Param("query") String query);
}
