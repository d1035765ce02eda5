package dev.pgorm.ddl.table.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.ddl.table.PgTable;
import jakarta.persistence.MappedSuperclass;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableOptionsTest {

    @PgTable(fillfactor = 70, with = "autovacuum_vacuum_scale_factor=0.01", tablespace = "fast")
    static class Hot {}

    @MappedSuperclass
    @PgTable(with = "autovacuum_enabled = false")
    static class Base {}

    static class FromBase extends Base {}

    static class Plain {}

    @PgTable(fillfactor = 70, with = "fillfactor = 80")
    static class Twice {}

    @PgTable(
            fillfactor = 70,
            with =
                    "toast.autovacuum_enabled=false, autovacuum_enabled = true,"
                            + " toast.autovacuum_vacuum_scale_factor = 0.1")
    static class Toasted {}

    @PgTable(
            with =
                    "autovacuum_enabled = FALSE, autovacuum_vacuum_threshold = 0050,"
                            + " autovacuum_vacuum_scale_factor = +0.5,"
                            + " toast.autovacuum_vacuum_threshold = +07, toast.autovacuum_enabled = Off")
    static class Shouting {}

    @PgTable(with = "heap.fillfactor = 80")
    static class OtherPrefix {}

    @PgTable(with = "fillfactor = 80); drop table x; --")
    static class Injected {}

    @Test
    void parametersAreSpelledAsPostgreSqlStoresThem() {
        TableOptions options = TableOptions.of(Hot.class).orElseThrow();
        assertThat(options.parameters())
                .containsExactly("fillfactor = 70", "autovacuum_vacuum_scale_factor = 0.01");
        assertThat(options.reloptions())
                .isEqualTo("{fillfactor=70,autovacuum_vacuum_scale_factor=0.01}");
        assertThat(options.withClause())
                .isEqualTo(" with (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01)");
        assertThat(options.partitionClauses())
                .isEqualTo(
                        " with (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01)"
                                + " tablespace fast");
    }

    @Test
    void wordsAreFoldedAndIntegersReadAsPostgreSqlStoresThem() {
        // psql on 15: with (autovacuum_enabled = FALSE, fillfactor = 070,
        // autovacuum_vacuum_scale_factor = +0.5) is stored as
        // {autovacuum_enabled=false,fillfactor=70,autovacuum_vacuum_scale_factor=0.5}
        TableOptions options = TableOptions.of(Shouting.class).orElseThrow();
        assertThat(options.reloptions())
                .isEqualTo(
                        "{autovacuum_enabled=false,autovacuum_vacuum_threshold=50,"
                                + "autovacuum_vacuum_scale_factor=0.5}");
        assertThat(options.toastReloptions())
                .isEqualTo("{autovacuum_vacuum_threshold=7,autovacuum_enabled=off}");
    }

    @Test
    void toastParametersAreComparedWithTheToastTablesWithoutThePrefix() {
        TableOptions options = TableOptions.of(Toasted.class).orElseThrow();
        assertThat(options.reloptions()).isEqualTo("{fillfactor=70,autovacuum_enabled=true}");
        assertThat(options.toastReloptions())
                .isEqualTo("{autovacuum_enabled=false,autovacuum_vacuum_scale_factor=0.1}");
        assertThat(options.withClause())
                .isEqualTo(
                        " with (fillfactor = 70, toast.autovacuum_enabled = false,"
                                + " autovacuum_enabled = true,"
                                + " toast.autovacuum_vacuum_scale_factor = 0.1)");
        assertThat(TableOptions.of(Hot.class).orElseThrow().toastReloptions()).isEqualTo("{}");
    }

    @Test
    void aMappedSuperclassDeclaresThemAsTheBindersRead() {
        assertThat(TableOptions.of(FromBase.class).orElseThrow().withClause())
                .isEqualTo(" with (autovacuum_enabled = false)");
        assertThat(TableOptions.of(Plain.class)).isEmpty();
    }

    @Test
    void anEntityWithoutParametersGetsNoClause() {
        TableOptions options = new TableOptions(false, List.of(), "");
        assertThat(options.withClause()).isEmpty();
        assertThat(options.partitionClauses()).isEmpty();
    }

    @Test
    void badDeclarationsNameTheEntityAndTheFix() {
        assertThatThrownBy(() -> TableOptions.of(Twice.class))
                .hasMessage("@PgTable on Twice: fillfactor is given twice: keep one");
        assertThatThrownBy(() -> TableOptions.of(Injected.class))
                .hasMessageStartingWith("@PgTable on Injected: @PgTable: with = ")
                .hasMessageContaining("is not a list of storage parameters");
        assertThatThrownBy(() -> TableOptions.of(OtherPrefix.class))
                .hasMessage(
                        "@PgTable on OtherPrefix: storage parameter heap.fillfactor: a table's"
                                + " parameters take no prefix but toast. (those of its TOAST table,"
                                + " for example toast.autovacuum_enabled = false)");
    }
}
