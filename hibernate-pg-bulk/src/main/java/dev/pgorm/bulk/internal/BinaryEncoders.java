package dev.pgorm.bulk.internal;

import dev.pgorm.bulk.internal.CopyColumnTypes.ColumnType;
import dev.pgorm.bulk.internal.CopyColumnTypes.PgType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Chooses the binary COPY encoder of a column from its type in the catalog. */
final class BinaryEncoders {

    private BinaryEncoders() {}

    /**
     * Returns the encoder of a column's type, or null when binary COPY has none for it (then the
     * table is written as text).
     *
     * @param timeZone the session's {@code TimeZone}, for local date-times in timestamptz columns
     */
    static BinaryEncoder of(ColumnType column, String timeZone) {
        if (column.element() != null) {
            BinaryEncoder element = scalar(column.element(), timeZone);
            return element == null
                    ? null
                    : BinaryArrays.of(column.element().oid(), element, column.type().name());
        }
        return scalar(column.type(), timeZone);
    }

    private static BinaryEncoder scalar(PgType type, String timeZone) {
        switch (type.kind()) {
            case 'e':
                // enum_recv reads the label as text
                return BinaryScalars.TEXT;
            case 'r':
                return BinaryRanges.of(type.rangeSubtype(), type.name());
            case 'b':
                break;
            default:
                return null;
        }
        return switch (type.oid()) {
            case PgTypeOids.INT2 -> BinaryScalars.INT2;
            case PgTypeOids.INT4 -> BinaryScalars.INT4;
            case PgTypeOids.INT8 -> BinaryScalars.INT8;
            case PgTypeOids.FLOAT4 -> BinaryScalars.FLOAT4;
            case PgTypeOids.FLOAT8 -> BinaryScalars.FLOAT8;
            case PgTypeOids.NUMERIC -> BinaryNumeric.NUMERIC;
            case PgTypeOids.BOOL -> BinaryScalars.BOOL;
            case PgTypeOids.TEXT, PgTypeOids.VARCHAR, PgTypeOids.BPCHAR -> BinaryScalars.TEXT;
            case PgTypeOids.UUID -> BinaryScalars.UUID_;
            case PgTypeOids.BYTEA -> BinaryScalars.BYTEA;
            case PgTypeOids.JSON -> BinaryScalars.JSON;
            case PgTypeOids.JSONB -> BinaryScalars.JSONB;
            case PgTypeOids.DATE -> BinaryTimes.DATE;
            case PgTypeOids.TIME -> BinaryTimes.TIME;
            case PgTypeOids.TIMETZ -> BinaryTimes.TIMETZ;
            case PgTypeOids.TIMESTAMP -> BinaryTimes.TIMESTAMP;
            case PgTypeOids.INTERVAL -> BinaryTimes.INTERVAL;
            case PgTypeOids.TIMESTAMPTZ -> timestamptz(timeZone);
            default -> type.name().equals("vector") ? BinaryScalars.VECTOR : null;
        };
    }

    /**
     * No encoder when PostgreSQL's zone name is not one Java knows, or is a fixed offset other than
     * zero: PostgreSQL reads {@code GMT-03:00} with the POSIX sign (three hours east of Greenwich),
     * Java the other way round. Text COPY lets the server read the local time then.
     */
    private static BinaryEncoder timestamptz(String timeZone) {
        if (timeZone == null) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(timeZone);
            if (zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() != 0) {
                return null;
            }
            return BinaryTimes.timestamptz(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
