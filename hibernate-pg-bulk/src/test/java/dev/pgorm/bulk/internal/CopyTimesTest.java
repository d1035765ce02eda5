package dev.pgorm.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CopyTimesTest {

    private static String date(LocalDate d) {
        StringBuilder out = new StringBuilder();
        CopyTimes.appendDate(out, d);
        return out.toString();
    }

    private static String dateTime(LocalDateTime t) {
        StringBuilder out = new StringBuilder();
        CopyTimes.appendDateTime(out, t);
        return out.toString();
    }

    private static String dateTime(OffsetDateTime t) {
        StringBuilder out = new StringBuilder();
        CopyTimes.appendDateTime(out, t);
        return out.toString();
    }

    @Test
    void isoTextForYearsOneTo9999() {
        assertThat(date(LocalDate.of(1, 1, 1))).isEqualTo("0001-01-01");
        assertThat(date(LocalDate.of(9999, 12, 31))).isEqualTo("9999-12-31");
        assertThat(dateTime(LocalDateTime.of(2024, 1, 15, 12, 0))).isEqualTo("2024-01-15T12:00");
        assertThat(date(LocalDate.MAX)).isEqualTo("infinity");
        assertThat(dateTime(LocalDateTime.MIN)).isEqualTo("-infinity");
    }

    @Test
    void yearZeroAndBeforeAreBc() {
        assertThat(date(LocalDate.of(0, 3, 1))).isEqualTo("0001-03-01 BC");
        assertThat(date(LocalDate.of(-4712, 1, 1))).isEqualTo("4713-01-01 BC");
        assertThat(dateTime(LocalDateTime.of(-99, 12, 31, 23, 59, 59, 500_000)))
                .isEqualTo("0100-12-31 23:59:59.000500 BC");
        assertThat(dateTime(OffsetDateTime.of(0, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("0001-01-01 12:00+00 BC");
        assertThat(dateTime(OffsetDateTime.of(-9, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(-3))))
                .isEqualTo("0010-01-01 12:00-03:00 BC");
    }

    @Test
    void yearsAfter9999WithoutSign() {
        assertThat(date(LocalDate.of(10_000, 1, 1))).isEqualTo("10000-01-01");
        assertThat(dateTime(LocalDateTime.of(294_276, 12, 31, 23, 59)))
                .isEqualTo("294276-12-31 23:59");
    }
}
