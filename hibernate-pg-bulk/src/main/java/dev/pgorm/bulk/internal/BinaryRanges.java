package dev.pgorm.bulk.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The binary COPY encoder of ranges of integers, numerics and dates: a flags byte, then each finite
 * bound as a field of the subtype. The value is the range's text (as Hibernate binds it), whose
 * bounds are read as values of the subtype.
 */
final class BinaryRanges {

    private static final int EMPTY = 0x01;
    private static final int LOWER_INCLUSIVE = 0x02;
    private static final int UPPER_INCLUSIVE = 0x04;
    private static final int LOWER_INFINITE = 0x08;
    private static final int UPPER_INFINITE = 0x10;

    private BinaryRanges() {}

    /** Returns the encoder of ranges of the subtype, or null for another subtype. */
    static BinaryEncoder of(int subtypeOid, String type) {
        return switch (subtypeOid) {
            case PgTypeOids.INT4 -> of(Integer::valueOf, BinaryScalars.INT4, type);
            case PgTypeOids.INT8 -> of(Long::valueOf, BinaryScalars.INT8, type);
            case PgTypeOids.NUMERIC -> of(BigDecimal::new, BinaryNumeric.NUMERIC, type);
            case PgTypeOids.DATE -> of(BinaryRanges::date, BinaryTimes.DATE, type);
            default -> null;
        };
    }

    private static LocalDate date(String text) {
        return switch (text) {
            case "infinity" -> LocalDate.MAX;
            case "-infinity" -> LocalDate.MIN;
            default -> LocalDate.parse(text);
        };
    }

    private static BinaryEncoder of(
            Function<String, Object> parse, BinaryEncoder bound, String type) {
        return (out, value) -> {
            String text = BinaryScalars.textOf(value);
            if (text == null) {
                throw BinaryEncoder.cannot(value, type);
            }
            String s = text.trim();
            int at = out.startField();
            if (s.equalsIgnoreCase("empty")) {
                out.writeByte(EMPTY);
                out.endField(at);
                return;
            }
            int n = s.length();
            int comma = comma(s);
            if (n < 3 || "[(".indexOf(s.charAt(0)) < 0 || "])".indexOf(s.charAt(n - 1)) < 0) {
                throw new IllegalArgumentException("not a range: " + text);
            }
            String lower = unquote(s.substring(1, comma).trim());
            String upper = unquote(s.substring(comma + 1, n - 1).trim());
            int flags = 0;
            if (lower.isEmpty()) {
                flags |= LOWER_INFINITE;
            } else if (s.charAt(0) == '[') {
                flags |= LOWER_INCLUSIVE;
            }
            if (upper.isEmpty()) {
                flags |= UPPER_INFINITE;
            } else if (s.charAt(n - 1) == ']') {
                flags |= UPPER_INCLUSIVE;
            }
            out.writeByte(flags);
            try {
                if (!lower.isEmpty()) {
                    bound.write(out, parse.apply(lower));
                }
                if (!upper.isEmpty()) {
                    bound.write(out, parse.apply(upper));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "not a " + type + " range: " + text + " (" + e.getMessage() + ")", e);
            }
            out.endField(at);
        };
    }

    /** The position of the comma between the bounds, outside double quotes. */
    private static int comma(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a range: " + s);
    }

    private static String unquote(String bound) {
        if (bound.length() < 2 || bound.charAt(0) != '"') {
            return bound;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < bound.length() - 1; i++) {
            char c = bound.charAt(i);
            if (c == '\\' || c == '"' && bound.charAt(i + 1) == '"') {
                i++;
                c = bound.charAt(i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
