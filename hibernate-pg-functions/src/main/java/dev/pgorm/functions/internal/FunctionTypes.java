package dev.pgorm.functions.internal;

import dev.pgorm.types.spi.PgTypesSpi;
import java.util.UUID;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The result types of the functions, resolved once per boot from its type configuration.
 *
 * @param bool Boolean
 * @param dbl Double
 * @param string String
 * @param tsvector {@code PgTsVector}, or String when the types module is switched off
 * @param tsquery {@code PgTsQuery}, or String when the types module is switched off
 * @param integer Integer
 * @param bytes byte[] (bytea)
 * @param uuid UUID
 */
record FunctionTypes(
        BasicType<Boolean> bool,
        BasicType<Double> dbl,
        BasicType<String> string,
        BasicType<?> tsvector,
        BasicType<?> tsquery,
        BasicType<Integer> integer,
        BasicType<byte[]> bytes,
        BasicType<UUID> uuid) {

    /** Resolves the types from {@code types}. */
    static FunctionTypes of(TypeConfiguration types) {
        BasicType<String> string = types.getBasicTypeRegistry().resolve(StandardBasicTypes.STRING);
        return new FunctionTypes(
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN),
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.DOUBLE),
                string,
                orText(PgTypesSpi.tsvectorType(types), string),
                orText(PgTypesSpi.tsqueryType(types), string),
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.INTEGER),
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.BINARY),
                types.getBasicTypeRegistry().resolve(StandardBasicTypes.UUID));
    }

    /** With the types module switched off, text-search results come back as text. */
    private static BasicType<?> orText(BasicType<?> type, BasicType<String> string) {
        return type == null ? string : type;
    }
}
