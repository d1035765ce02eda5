package dev.pgorm.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgorm.replicas.internal.Lsn;
import dev.pgorm.replicas.internal.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PgReplicasTest {

    @AfterEach
    void clear() {
        Tokens.replace(null);
    }

    @Test
    void anOlderGivenTokenDoesNotHideTheThreadsNewerOne() {
        Tokens.advance(Lsn.parse("5/0"));
        String inside = PgReplicas.withToken("1/0", PgReplicas::token);
        assertThat(inside).isEqualTo("5/0");
        assertThat(PgReplicas.token()).isEqualTo("5/0");
    }

    @Test
    void aNewerGivenTokenHoldsInsideOnly() {
        Tokens.advance(Lsn.parse("1/0"));
        String inside = PgReplicas.withToken("5/0", PgReplicas::token);
        assertThat(inside).isEqualTo("5/0");
        assertThat(PgReplicas.token()).isEqualTo("1/0");
    }

    @Test
    void aWriteInsideTheWorkOutlivesIt() {
        Tokens.advance(Lsn.parse("1/0"));
        PgReplicas.withToken("2/0", () -> Tokens.advance(Lsn.parse("3/0")));
        assertThat(PgReplicas.token()).isEqualTo("3/0");
    }

    @Test
    void aWriteInsideTheWorkOfAThreadWithoutTokenOutlivesIt() {
        PgReplicas.withToken(null, () -> Tokens.advance(Lsn.parse("3/0")));
        assertThat(PgReplicas.token()).isEqualTo("3/0");
    }

    @Test
    void nullGivenTokenKeepsTheThreadsOwn() {
        Tokens.advance(Lsn.parse("1/0"));
        assertThat(PgReplicas.withToken(null, PgReplicas::token)).isEqualTo("1/0");
        assertThat(PgReplicas.token()).isEqualTo("1/0");
    }
}
