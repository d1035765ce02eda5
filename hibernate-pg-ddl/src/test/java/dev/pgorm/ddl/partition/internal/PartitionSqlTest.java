package dev.pgorm.ddl.partition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartitionSqlTest {

    @Test
    void partitionNamesCarryTheLowerBound() {
        assertThat(PartitionSql.partitionName("event", LocalDate.of(2027, 2, 1)))
                .isEqualTo("event_p20270201");
    }

    @Test
    void longParentNamesAreCutToFit() {
        String name = PartitionSql.partitionName("e".repeat(63), LocalDate.of(2027, 2, 1));
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isEqualTo(63);
        assertThat(name).endsWith("_p20270201");
    }

    @Test
    void statementsQuoteEveryName() {
        ParentTable parent = new ParentTable(1, "app", "event", "date");
        assertThat(PartitionSql.create(parent, "event_p20270201", "2027-02-01", "2027-03-01", ""))
                .isEqualTo(
                        "create table \"app\".\"event_p20270201\" partition of \"app\".\"event\""
                                + " for values from ('2027-02-01') to ('2027-03-01')");
        assertThat(
                        PartitionSql.create(
                                parent,
                                "event_p20270201",
                                "2027-02-01",
                                "2027-03-01",
                                " with (fillfactor = 70)"))
                .endsWith("to ('2027-03-01') with (fillfactor = 70)");
        assertThat(PartitionSql.detach(parent, "event_p20270201"))
                .isEqualTo(
                        "alter table \"app\".\"event\" detach partition \"app\".\"event_p20270201\"");
        assertThat(PartitionSql.drop(parent, "event_p20270201"))
                .isEqualTo("drop table \"app\".\"event_p20270201\"");
    }
}
