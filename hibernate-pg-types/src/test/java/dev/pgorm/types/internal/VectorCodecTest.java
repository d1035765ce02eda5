package dev.pgorm.types.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorCodecTest {

    @Test
    void everyHalfSurvivesARoundTripThroughFloat() {
        for (int h = 0; h <= 0xFFFF; h++) {
            float f = VectorCodec.halfToFloat((short) h);
            if (Float.isNaN(f)) {
                assertThat(Float.isNaN(VectorCodec.halfToFloat(VectorCodec.floatToHalf(f))))
                        .isTrue();
            } else {
                assertThat(VectorCodec.floatToHalf(f) & 0xFFFF)
                        .as("half 0x%04x (%s)", h, f)
                        .isEqualTo(h);
            }
        }
    }

    @Test
    void halfValuesAreTheIeeeOnes() {
        assertThat(VectorCodec.halfToFloat((short) 0x3C00)).isEqualTo(1.0f);
        assertThat(VectorCodec.halfToFloat((short) 0xC000)).isEqualTo(-2.0f);
        assertThat(VectorCodec.halfToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(VectorCodec.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(VectorCodec.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(VectorCodec.halfToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(VectorCodec.halfToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float.floatToRawIntBits(VectorCodec.halfToFloat((short) 0x8000)))
                .isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(VectorCodec.halfToFloat((short) 0x7E00)).isNaN();
    }

    @Test
    void specialFloatsConvert() {
        assertThat(VectorCodec.floatToHalf(Float.NaN) & 0x7C00).isEqualTo(0x7C00);
        assertThat(VectorCodec.floatToHalf(Float.NaN) & 0x03FF).isNotZero();
        assertThat(VectorCodec.floatToHalf(Float.POSITIVE_INFINITY)).isEqualTo((short) 0x7C00);
        assertThat(VectorCodec.floatToHalf(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xFC00);
        assertThat(VectorCodec.floatToHalf(-0.0f)).isEqualTo((short) 0x8000);
        // overflow: 65520 is the midpoint between 65504 and 65536 and rounds (to even) up
        assertThat(VectorCodec.floatToHalf(65519.996f)).isEqualTo((short) 0x7BFF);
        assertThat(VectorCodec.floatToHalf(65520f)).isEqualTo((short) 0x7C00);
        assertThat(VectorCodec.floatToHalf(1e10f)).isEqualTo((short) 0x7C00);
        assertThat(VectorCodec.floatToHalf(-1e10f)).isEqualTo((short) 0xFC00);
        // underflow: half of the smallest subnormal is a tie and rounds to even (zero)
        assertThat(VectorCodec.floatToHalf(0x1p-25f)).isEqualTo((short) 0);
        assertThat(VectorCodec.floatToHalf(Math.nextUp(0x1p-25f))).isEqualTo((short) 1);
        assertThat(VectorCodec.floatToHalf(-0x1p-26f)).isEqualTo((short) 0x8000);
        assertThat(VectorCodec.floatToHalf(Float.MIN_VALUE)).isEqualTo((short) 0);
        // 1.5 * smallest subnormal is a tie between 1 and 2: even is 2
        assertThat(VectorCodec.floatToHalf(1.5f * 0x1p-24f)).isEqualTo((short) 2);
        // ties between normals: 1 + 2^-11 lies between 1 and 1 + 2^-10, even is 1
        assertThat(VectorCodec.floatToHalf(1 + 0x1p-11f)).isEqualTo((short) 0x3C00);
        assertThat(VectorCodec.floatToHalf(1 + 3 * 0x1p-11f)).isEqualTo((short) 0x3C02);
        // the largest subnormal rounds up into the smallest normal
        assertThat(VectorCodec.floatToHalf(Math.nextDown(0x1p-14f))).isEqualTo((short) 0x0400);
    }

    @Test
    void randomFloatsRoundToTheNearestHalfTiesToEven() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f) || Math.abs(f) >= 65520f) {
                continue;
            }
            short h = VectorCodec.floatToHalf(f);
            double error = Math.abs((double) VectorCodec.halfToFloat(h) - f);
            for (int neighbour : new int[] {h - 1, h + 1}) {
                float other = VectorCodec.halfToFloat((short) neighbour);
                if (Float.isNaN(other)
                        || Float.isInfinite(other)
                        || Math.signum(other) * Math.signum(f) < 0) {
                    continue;
                }
                double otherError = Math.abs((double) other - f);
                assertThat(error).as("%s -> 0x%04x", f, h & 0xFFFF).isLessThanOrEqualTo(otherError);
                if (error == otherError) {
                    assertThat(h & 1).as("tie for %s goes to even", f).isZero();
                }
            }
        }
    }

    @Test
    void binaryFormsRoundTrip() {
        float[] values = {0.25f, -1.5f, 3.0e-5f, 1234.5677f, Float.MAX_VALUE, -0.0f};
        byte[] bytes = new byte[VectorCodec.binaryLength(values.length, false) + 3];
        VectorCodec.encode(values, false, bytes, 3);
        assertThat(bytes[3]).isZero();
        assertThat(bytes[4]).isEqualTo((byte) 6);
        assertThat(VectorCodec.decode(bytes, 3, false)).containsExactly(values);

        float[] halves = {0.5f, -1.25f, 0x1p-24f, 65504f};
        byte[] half = new byte[VectorCodec.binaryLength(halves.length, true)];
        assertThat(half).hasSize(4 + 2 * 4);
        VectorCodec.encode(halves, true, half, 0);
        assertThat(VectorCodec.decode(half, 0, true)).containsExactly(halves);
    }

    @Test
    void truncatedBinaryIsRejected() {
        byte[] bytes = {0, 3, 0, 0, 0, 0};
        assertThatThrownBy(() -> VectorCodec.decode(bytes, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 dimensions need 16 bytes, got 6");
    }

    @Test
    void textFormsRoundTrip() {
        assertThat(VectorCodec.parse("[1,2.5,-3e-05]")).containsExactly(1f, 2.5f, -3e-05f);
        assertThat(VectorCodec.parse(" [ 1 , 2 ] ")).containsExactly(1f, 2f);
        assertThat(VectorCodec.parse("[]")).isEmpty();
        float[] values = {0.1f, -7f, 1.0E-20f, Float.MIN_VALUE};
        assertThat(VectorCodec.parse(VectorCodec.format(values))).containsExactly(values);
        assertThat(VectorCodec.format(new float[] {1f, -0.5f})).isEqualTo("[1.0,-0.5]");
    }

    @Test
    void malformedTextIsRejectedWithTheText() {
        assertThatThrownBy(() -> VectorCodec.parse("1,2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected [x,y,...]): 1,2");
        assertThatThrownBy(() -> VectorCodec.parse("[1,x]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element 1 is not a number");
    }
}
