package dev.pgorm.ddl.view.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.ddl.internal.PgDdlObject;
import java.util.List;
import org.hibernate.mapping.Table;
import org.junit.jupiter.api.Test;

class MaterializedViewObjectTest {

    private static MaterializedViewObject view(String name, String query) {
        return new MaterializedViewObject(new Table("test", name), query, true, "test " + name);
    }

    @Test
    void aViewComesAfterTheViewsItReads() {
        MaterializedViewObject top =
                view("top_customers", "select * from customer_totals where total > 100");
        MaterializedViewObject totals =
                view(
                        "customer_totals",
                        "select customer, sum(amount) as total from orders group by 1");
        MaterializedViewObject other = view("daily", "select day from orders");
        List<PgDdlObject> ordered =
                MaterializedViewObject.inDependencyOrder(List.of(top, other, totals));
        assertThat(ordered).containsExactly(other, totals, top);
    }

    @Test
    void namesMatchAsWholeWordsOnly() {
        MaterializedViewObject a = view("totals", "select * from totals_archive");
        MaterializedViewObject b = view("totals_archive", "select 1 as x");
        // a reads b (totals_archive), b does not read a: "totals" inside "totals_archive" is no
        // match
        assertThat(MaterializedViewObject.inDependencyOrder(List.of(a, b))).containsExactly(b, a);
        MaterializedViewObject c = view("sums", "select * from my_sums_x");
        MaterializedViewObject d = view("my_sums", "select 1 as x");
        assertThat(MaterializedViewObject.inDependencyOrder(List.of(c, d))).containsExactly(c, d);
    }

    @Test
    void aCycleKeepsTheGivenOrder() {
        MaterializedViewObject a = view("a_view", "select * from b_view");
        MaterializedViewObject b = view("b_view", "select * from a_view");
        assertThat(MaterializedViewObject.inDependencyOrder(List.of(a, b))).containsExactly(a, b);
    }
}
