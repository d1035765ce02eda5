package dev.pgorm.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** numeric's binary send format, as PostgreSQL's numeric_send writes the same values. */
class BinaryNumericTest {

    /** The field's int16s after its int32 length: ndigits, weight, sign, dscale, digits. */
    private static int[] shorts(Object value) {
        CopyBuffer out = new CopyBuffer(16);
        BinaryNumeric.NUMERIC.write(out, value);
        byte[] b = Arrays.copyOf(out.bytes(), out.size());
        int length = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
        assertThat(length).isEqualTo(b.length - 4);
        int[] shorts = new int[length / 2];
        for (int i = 0; i < shorts.length; i++) {
            shorts[i] = (short) ((b[4 + 2 * i] & 0xFF) << 8 | b[5 + 2 * i] & 0xFF);
        }
        return shorts;
    }

    @Test
    void digitsAreBase10000AlignedOnTheDecimalPoint() {
        assertThat(shorts(new BigDecimal("12345.678"))).containsExactly(3, 1, 0, 3, 1, 2345, 6780);
        assertThat(shorts(new BigDecimal("0.005"))).containsExactly(1, -1, 0, 3, 50);
        assertThat(shorts(new BigDecimal("-1.50"))).containsExactly(2, 0, 0x4000, 2, 1, 5000);
        assertThat(shorts(new BigDecimal("10000"))).containsExactly(1, 1, 0, 0, 1);
        assertThat(shorts(new BigDecimal("1E+8"))).containsExactly(1, 2, 0, 0, 1);
        assertThat(shorts(new BigDecimal("0.00"))).containsExactly(0, 0, 0, 2);
        assertThat(shorts(7L)).containsExactly(1, 0, 0, 0, 7);
    }

    @Test
    void nanAndInfinitiesAreSigns() {
        assertThat(shorts(Double.NaN)).containsExactly(0, 0, (short) 0xC000, 0);
        assertThat(shorts(Double.POSITIVE_INFINITY)).containsExactly(0, 0, (short) 0xD000, 0);
        assertThat(shorts(Float.NEGATIVE_INFINITY)).containsExactly(0, 0, (short) 0xF000, 0);
    }

    @Test
    void otherValuesAreRefusedNamingTheType() {
        assertThatThrownBy(() -> shorts("12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("into a column of type numeric");
    }
}
