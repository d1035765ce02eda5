package dev.pgorm.ddl.partition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartitionManagerTest {

    @Test
    void partitionNamesCarryTheLowerBound() {
        assertThat(PartitionManager.partitionName("event", LocalDate.of(2027, 2, 1)))
                .isEqualTo("event_p20270201");
    }

    @Test
    void longParentNamesAreCutToFit() {
        String name = PartitionManager.partitionName("e".repeat(63), LocalDate.of(2027, 2, 1));
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isEqualTo(63);
        assertThat(name).endsWith("_p20270201");
    }
}
