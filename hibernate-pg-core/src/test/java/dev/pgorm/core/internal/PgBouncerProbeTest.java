package dev.pgorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgBouncerProbeTest {

    @Test
    void endpointsAreHostsAndPorts() {
        assertThat(PgBouncerProbe.endpoint("jdbc:postgresql://Bouncer:6432/app?x=1"))
                .isEqualTo("bouncer:6432");
        assertThat(PgBouncerProbe.endpoint("jdbc:postgresql://db/app")).isEqualTo("db:5432");
        assertThat(PgBouncerProbe.endpoint("jdbc:postgresql://a:1,b/app")).isEqualTo("a:1,b:5432");
        assertThat(PgBouncerProbe.endpoint("jdbc:mysql://db/app")).isNull();
        assertThat(PgBouncerProbe.endpoint(null)).isNull();
    }

    @Test
    void declaredEndpointsAreKnownWhateverTheDatabase() {
        PgBouncerProbe.declare("jdbc:postgresql://declared-bouncer:6432/one");
        assertThat(PgBouncerProbe.declared("jdbc:postgresql://declared-bouncer:6432/two?ssl=true"))
                .isTrue();
        assertThat(PgBouncerProbe.declared("jdbc:postgresql://declared-bouncer:5432/one"))
                .isFalse();
    }

    @Test
    void onlyPrepareThresholdZeroTurnsServerSidePreparesOff() {
        assertThat(PgBouncerProbe.preparesOnServer("jdbc:postgresql://h/db")).isTrue();
        assertThat(PgBouncerProbe.preparesOnServer("jdbc:postgresql://h/db?prepareThreshold=5"))
                .isTrue();
        assertThat(PgBouncerProbe.preparesOnServer("jdbc:postgresql://h/db?prepareThreshold=0"))
                .isFalse();
        assertThat(
                        PgBouncerProbe.preparesOnServer(
                                "jdbc:postgresql://h/db?ssl=false&prepareThreshold=0"))
                .isFalse();
    }
}
