package dev.pgorm.bulk.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * PostgreSQL's binary {@code numeric}: int16 count of base-10000 digits, int16 weight (the power of
 * 10000 of the first digit), int16 sign ({@code NaN} and infinities are signs), int16 display
 * scale, then the digits, most significant first.
 */
final class BinaryNumeric {

    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final int PLUS_INFINITY = 0xD000;
    private static final int MINUS_INFINITY = 0xF000;

    private BinaryNumeric() {}

    static final BinaryEncoder NUMERIC = BinaryNumeric::write;

    private static void write(CopyBuffer out, Object value) {
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v)) {
                special(out, NAN);
                return;
            }
            if (Double.isInfinite(v)) {
                special(out, v > 0 ? PLUS_INFINITY : MINUS_INFINITY);
                return;
            }
            // the digits the text format writes for it
            d = new BigDecimal(value.toString());
        } else {
            throw BinaryEncoder.cannot(value, "numeric");
        }
        writeDecimal(out, d);
    }

    private static void special(CopyBuffer out, int sign) {
        out.writeInt(8);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(sign);
        out.writeShort(0);
    }

    static void writeDecimal(CopyBuffer out, BigDecimal value) {
        int scale = value.scale();
        BigDecimal d = value;
        if (scale < 0) {
            d = d.setScale(0);
            scale = 0;
        }
        // the digits, padded right to whole groups of four after the point and left to whole
        // groups before it: then each group of four decimal digits is one base-10000 digit
        String digits = d.unscaledValue().abs().toString();
        int fractionGroups = (scale + 3) / 4;
        int padRight = fractionGroups * 4 - scale;
        int integerDigits = Math.max(digits.length() - scale, 0);
        int integerGroups = (integerDigits + 3) / 4;
        int padLeft = integerGroups * 4 - integerDigits + Math.max(scale - digits.length(), 0);
        int total = integerGroups + fractionGroups;
        short[] groups = new short[total];
        // position in the padded digit string: padLeft zeros, the digits, padRight zeros
        for (int g = 0; g < total; g++) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int p = g * 4 + k - padLeft;
                int digit = p >= 0 && p < digits.length() ? digits.charAt(p) - '0' : 0;
                v = v * 10 + digit;
            }
            groups[g] = (short) v;
        }
        int first = 0;
        while (first < total && groups[first] == 0) {
            first++;
        }
        int last = total;
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int count = last - first;
        int weight = count == 0 ? 0 : integerGroups - 1 - first;
        // numeric's limits: 131072 digits before the point (weight 32767), 16383 after it
        if (weight > Short.MAX_VALUE || scale > 16_383 || count > Short.MAX_VALUE) {
            throw new IllegalArgumentException("numeric out of range for PostgreSQL: " + value);
        }
        out.writeInt(8 + 2 * count);
        out.writeShort(count);
        out.writeShort(weight);
        out.writeShort(count == 0 || d.signum() >= 0 ? POSITIVE : NEGATIVE);
        out.writeShort(scale);
        for (int g = first; g < last; g++) {
            out.writeShort(groups[g]);
        }
    }
}
