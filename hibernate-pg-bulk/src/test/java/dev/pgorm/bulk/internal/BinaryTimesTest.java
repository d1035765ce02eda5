package dev.pgorm.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgorm.bulk.internal.CopyColumnTypes.ColumnType;
import dev.pgorm.bulk.internal.CopyColumnTypes.PgType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Dates and times in binary COPY where Java and PostgreSQL could disagree. */
class BinaryTimesTest {

    private static final ColumnType TIMESTAMPTZ =
            new ColumnType(new PgType(PgTypeOids.TIMESTAMPTZ, "timestamptz", 'b', 0), null);

    /** The int64 after the field's int32 length. */
    private static long micros(BinaryEncoder encoder, Object value) {
        CopyBuffer out = new CopyBuffer(16);
        encoder.write(out, value);
        return ByteBuffer.wrap(Arrays.copyOf(out.bytes(), out.size()), 4, 8).getLong();
    }

    @Test
    void aFixedOffsetSessionZoneFallsBackToText() {
        // PostgreSQL reads GMT-03:00 as three hours east (POSIX), Java as three hours west
        assertThat(BinaryEncoders.of(TIMESTAMPTZ, "GMT-03:00")).isNull();
        assertThat(BinaryEncoders.of(TIMESTAMPTZ, "Europe/Berlin")).isNotNull();
        assertThat(BinaryEncoders.of(TIMESTAMPTZ, "UTC")).isNotNull();
    }

    @Test
    void aTimeTheAutumnChangeGivesTwiceTakesTheLaterOffsetAsPostgreSqlDoes() {
        BinaryEncoder newYork = BinaryTimes.timestamptz(ZoneId.of("America/New_York"));
        // 01:30 happens at 05:30Z (EDT) and at 06:30Z (EST); PostgreSQL takes 06:30Z
        long expected =
                micros(
                        BinaryTimes.timestamptz(ZoneId.of("UTC")),
                        LocalDateTime.of(2018, 11, 4, 6, 30));
        assertThat(micros(newYork, LocalDateTime.of(2018, 11, 4, 1, 30))).isEqualTo(expected);
    }

    @Test
    void valuesBeyondSixtyFourBitsOfMicrosecondsFailInsteadOfWrapping() {
        BinaryEncoder utc = BinaryTimes.timestamptz(ZoneId.of("UTC"));
        assertThatThrownBy(() -> micros(utc, LocalDateTime.of(586_555, 1, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> micros(BinaryTimes.INTERVAL, Duration.ofDays(213_503_983)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void aDoubleARealCannotHoldFails() {
        assertThatThrownBy(() -> BinaryScalars.FLOAT4.write(new CopyBuffer(8), 1e300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("real out of range");
        assertThatThrownBy(() -> BinaryScalars.FLOAT4.write(new CopyBuffer(8), 1e-50))
                .isInstanceOf(IllegalArgumentException.class);
        BinaryScalars.FLOAT4.write(new CopyBuffer(8), 1.5d);
        BinaryScalars.FLOAT4.write(new CopyBuffer(8), Double.POSITIVE_INFINITY);
    }
}
