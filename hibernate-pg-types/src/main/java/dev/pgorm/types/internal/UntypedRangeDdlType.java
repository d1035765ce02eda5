package dev.pgorm.types.internal;

import java.util.Locale;
import org.hibernate.MappingException;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.sql.DdlType;

/**
 * The column type of a {@code PgRange} or {@code PgMultirange} attribute declared without a type
 * argument: there is none, and asking for it fails with the fix.
 */
@SuppressWarnings({"deprecation", "removal"})
final class UntypedRangeDdlType implements DdlType {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String what;

    public UntypedRangeDdlType(int code, String what) {
        this.code = code;
        this.what = what;
    }

    @Override
    public int getSqlTypeCode() {
        return code;
    }

    private MappingException fail() {
        return new MappingException(
                "PG-ORM: a "
                        + what
                        + " attribute needs a type argument to have a column type: declare it as "
                        + what
                        + "<LocalDate> (or Integer, Long, BigDecimal, LocalDateTime, OffsetDateTime, Instant),"
                        + " List<"
                        + what
                        + "<LocalDate>> or "
                        + what
                        + "<LocalDate>[]");
    }

    @Override
    public String getRawTypeName() {
        // Only a key for Hibernate's lookup by name; no column ever gets this type.
        return "pgorm_" + what.toLowerCase(Locale.ROOT) + "_without_type_argument";
    }

    @Override
    public String getTypeName(Long size, Integer precision, Integer scale) {
        throw fail();
    }

    @Override
    public String getCastTypeName(JdbcType jdbcType, JavaType<?> javaType) {
        throw fail();
    }

    @Override
    public String getCastTypeName(
            JdbcType jdbcType,
            JavaType<?> javaType,
            Long length,
            Integer precision,
            Integer scale) {
        throw fail();
    }
}
