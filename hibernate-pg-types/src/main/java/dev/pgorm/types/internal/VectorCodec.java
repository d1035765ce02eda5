package dev.pgorm.types.internal;

/**
 * pgvector's wire formats for {@code vector} and {@code halfvec}: binary ({@code int16} dimension,
 * {@code int16} unused, then big-endian {@code float4} or IEEE half values) and text ({@code
 * [1,2.5,-3]}); exists so that binding and reading need no intermediate strings or boxing.
 */
final class VectorCodec {

    private VectorCodec() {}

    /** Returns the size in bytes of the binary form of a vector of {@code dims} dimensions. */
    static int binaryLength(int dims, boolean half) {
        return 4 + dims * (half ? 2 : 4);
    }

    /** Writes the binary form of {@code values} into {@code out} at {@code offset}. */
    static void encode(float[] values, boolean half, byte[] out, int offset) {
        int dims = values.length;
        if (dims > 0xFFFF) {
            throw new IllegalArgumentException(
                    "a vector has at most 65535 dimensions (pgvector's limit: 16000), got " + dims);
        }
        int p = offset;
        out[p++] = (byte) (dims >>> 8);
        out[p++] = (byte) dims;
        out[p++] = 0;
        out[p++] = 0;
        if (half) {
            for (float value : values) {
                short h = floatToHalf(value);
                out[p++] = (byte) (h >>> 8);
                out[p++] = (byte) h;
            }
        } else {
            for (float value : values) {
                int bits = Float.floatToRawIntBits(value);
                out[p++] = (byte) (bits >>> 24);
                out[p++] = (byte) (bits >>> 16);
                out[p++] = (byte) (bits >>> 8);
                out[p++] = (byte) bits;
            }
        }
    }

    /** Reads the binary form at {@code offset} of {@code in}. */
    static float[] decode(byte[] in, int offset, boolean half) {
        if (in.length - offset < 4) {
            throw new IllegalArgumentException(
                    "truncated binary "
                            + (half ? "halfvec" : "vector")
                            + ": "
                            + (in.length - offset)
                            + " bytes");
        }
        int dims = ((in[offset] & 0xFF) << 8) | (in[offset + 1] & 0xFF);
        if (in.length - offset < binaryLength(dims, half)) {
            throw new IllegalArgumentException(
                    "truncated binary "
                            + (half ? "halfvec" : "vector")
                            + ": "
                            + dims
                            + " dimensions need "
                            + binaryLength(dims, half)
                            + " bytes, got "
                            + (in.length - offset));
        }
        float[] values = new float[dims];
        int p = offset + 4;
        if (half) {
            for (int i = 0; i < dims; i++, p += 2) {
                values[i] = halfToFloat((short) (((in[p] & 0xFF) << 8) | (in[p + 1] & 0xFF)));
            }
        } else {
            for (int i = 0; i < dims; i++, p += 4) {
                values[i] =
                        Float.intBitsToFloat(
                                ((in[p] & 0xFF) << 24)
                                        | ((in[p + 1] & 0xFF) << 16)
                                        | ((in[p + 2] & 0xFF) << 8)
                                        | (in[p + 3] & 0xFF));
            }
        }
        return values;
    }

    /** Parses pgvector's text form, for example {@code [1,2.5,-3e-05]}. */
    static float[] parse(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (end - start < 2 || text.charAt(start) != '[' || text.charAt(end - 1) != ']') {
            throw new IllegalArgumentException(
                    "not a pgvector literal (expected [x,y,...]): " + abbreviate(text));
        }
        start++;
        end--;
        int commas = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == ',') {
                commas++;
            }
        }
        boolean empty = text.substring(start, end).isBlank();
        float[] values = new float[empty ? 0 : commas + 1];
        int from = start;
        for (int i = 0; i < values.length; i++) {
            int to = text.indexOf(',', from);
            if (to < 0 || to > end) {
                to = end;
            }
            try {
                values[i] = Float.parseFloat(text.substring(from, to));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "not a pgvector literal (element "
                                + i
                                + " is not a number): "
                                + abbreviate(text),
                        e);
            }
            from = to + 1;
        }
        return values;
    }

    /** Formats {@code values} in pgvector's text form. */
    static String format(float[] values) {
        StringBuilder out = new StringBuilder(values.length * 12 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values[i]);
        }
        return out.append(']').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * Converts a float to IEEE 754 half precision, rounding to nearest, ties to even: overflow
     * becomes infinity, values below half the smallest subnormal become zero, NaN stays NaN.
     */
    static short floatToHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) {
            return (short) (mantissa == 0 ? sign | 0x7C00 : sign | 0x7E00 | (mantissa >>> 13));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) {
            // subnormal half: value / 2^-24, from the float's full 24-bit significand
            int shift = 126 - exponent;
            if (shift > 24) {
                return (short) sign;
            }
            int full = mantissa | 0x800000;
            int result = full >>> shift;
            int rest = full & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rest > halfway || (rest == halfway && (result & 1) == 1)) {
                result++;
            }
            return (short) (sign | result);
        }
        int result = (halfExponent << 10) | (mantissa >>> 13);
        int rest = mantissa & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (result & 1) == 1)) {
            result++; // a carry into the exponent is right, up to infinity
        }
        return (short) (sign | result);
    }

    /** Converts an IEEE 754 half precision value to a float (exactly). */
    static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
