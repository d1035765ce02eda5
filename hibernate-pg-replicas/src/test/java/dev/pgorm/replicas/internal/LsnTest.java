package dev.pgorm.replicas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void readsAndPrintsPostgresTextForm() {
        Lsn lsn = Lsn.parse("16/B374D848");
        assertThat(lsn.value()).isEqualTo(0x16_B374D848L);
        assertThat(lsn).hasToString("16/B374D848");
        assertThat(Lsn.parse("0/0")).hasToString("0/0");
        assertThat(Lsn.parse("ffffffff/ffffffff").value()).isEqualTo(-1L);
    }

    @Test
    void comparesAsUnsignedPositions() {
        assertThat(Lsn.parse("1/0").reached(Lsn.parse("0/FFFFFFFF"))).isTrue();
        assertThat(Lsn.parse("0/FFFFFFFF").reached(Lsn.parse("1/0"))).isFalse();
        assertThat(Lsn.parse("2/10").reached(Lsn.parse("2/10"))).isTrue();
        assertThat(Lsn.parse("FFFFFFFF/0").compareTo(Lsn.parse("1/0"))).isPositive();
    }

    @Test
    void refusesWhatIsNoPosition() {
        for (String bad :
                new String[] {
                    "",
                    "16",
                    "/1",
                    "1/",
                    "x/1",
                    "123456789/1",
                    "1/123456789",
                    "0/-1",
                    "-1/0",
                    "+1/0",
                    "1/+A",
                    "1 /0",
                    "1/0/1",
                    "\uFF11/0"
                }) {
            assertThatThrownBy(() -> Lsn.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("16/B374D848");
        }
        assertThatThrownBy(() -> Lsn.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
