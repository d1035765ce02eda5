package dev.pgorm.rls.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsSourceTest {

    private static SettingsSource requiring(String... tables) {
        SettingsSource source = new SettingsSource(null, null, "pgorm.tenant_id", true);
        source.protectTables(List.of(tables));
        return source;
    }

    @Test
    void requiredCheckSeesPlainQualifiedAndQuotedTableNames() {
        SettingsSource source = requiring("invoice");
        for (String sql :
                List.of(
                        "select i1_0.id from invoice i1_0",
                        "select i1_0.id from app.invoice i1_0",
                        "select i1_0.id from \"app\".\"invoice\" i1_0",
                        "select i1_0.id from app.\"invoice\" i1_0",
                        "select i1_0.id from \"my schema\" . invoice i1_0",
                        "select x from db.app.invoice",
                        "SELECT * FROM ONLY app.Invoice",
                        "select 1 from other o join app.invoice i on i.id = o.id",
                        "insert into app.invoice (amount,tenantId,id) values (?,?,?)",
                        "update \"app\".\"invoice\" set amount=? where id=?",
                        "delete from app.invoice where id=?",
                        "select count(*) from (select * from app.invoice)",
                        "select * from app.invoice")) {
            assertThatThrownBy(() -> source.checkRequired(sql, Map.of()))
                    .as(sql)
                    .hasMessageContaining("statement on table invoice");
        }
    }

    @Test
    void otherTablesAndContextsPass() {
        SettingsSource source = requiring("invoice");
        for (String sql :
                List.of(
                        "select * from invoice_line",
                        "select * from app.invoices",
                        "select * from \"invoice_line\"",
                        "select invoice from customer",
                        "select * from app.invoice_archive")) {
            assertThatCode(() -> source.checkRequired(sql, Map.of()))
                    .as(sql)
                    .doesNotThrowAnyException();
        }
        assertThatCode(
                        () ->
                                source.checkRequired(
                                        "select * from app.invoice", Map.of("app.tenant_id", "1")))
                .doesNotThrowAnyException();
    }
}
