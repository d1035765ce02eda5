package dev.pgorm.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.notify.PgNotification;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void payloadLimitCountsBytesNotCharacters() {
        String almost = "é".repeat(3999) + "x";
        assertThat(Limits.payload(almost)).hasSize(4000);
        assertThatThrownBy(() -> Limits.payload("é".repeat(4000)))
                .hasMessageContaining("8000 bytes in UTF-8")
                .hasMessageContaining("less than 8000");
        assertThatThrownBy(() -> Limits.payload("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void channelNamesAreValidatedLikeIdentifiers() {
        assertThat(Limits.channel("order_changes")).isEqualTo("order_changes");
        assertThatThrownBy(() -> Limits.channel("c".repeat(64)))
                .hasMessageContaining("64 bytes long");
        assertThatThrownBy(() -> Limits.channel("")).hasMessageContaining("must not be empty");
    }

    record Event(long id, String status) {}

    @Test
    void payloadsDecodeAsJson() {
        PgNotification n = new PgNotification("c", Json.write(new Event(3, "NEW")), 1);
        assertThat(n.payload()).isEqualTo("{\"id\":3,\"status\":\"NEW\"}");
        assertThat(n.payloadAs(Event.class)).isEqualTo(new Event(3, "NEW"));
        assertThatThrownBy(() -> new PgNotification("c", "nope", 1).payloadAs(Event.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON Event");
    }
}
