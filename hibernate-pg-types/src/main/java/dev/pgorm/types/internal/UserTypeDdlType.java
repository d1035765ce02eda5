package dev.pgorm.types.internal;

import java.sql.Types;
import java.util.Map;
import org.hibernate.MappingException;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.metamodel.mapping.SqlExpressible;
import org.hibernate.type.CustomType;
import org.hibernate.type.Type;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.sql.DdlType;
import org.hibernate.type.descriptor.sql.spi.DdlTypeRegistry;

/**
 * The column type of attributes whose JDBC type is {@code Types.OTHER}, which Hibernate's
 * PostgreSQL dialect leaves without one: Hypersistence Utils' PostgreSQL user types ({@code Inet},
 * {@code Period}, and those named in {@code @Type}) then get {@code inet}, {@code interval}, {@code
 * hstore}... in schema export instead of failing, so they need no {@code columnDefinition}. Other
 * types go to the descriptor registered before, if any.
 */
@SuppressWarnings({"deprecation", "removal"})
final class UserTypeDdlType implements DdlType {

    private static final long serialVersionUID = 1L;

    /** Hypersistence user types by class name, and their column type. */
    private static final Map<String, String> COLUMN_TYPES =
            Map.of(
                    "io.hypersistence.utils.hibernate.type.basic.PostgreSQLInetType", "inet",
                    "io.hypersistence.utils.hibernate.type.basic.PostgreSQLHStoreType", "hstore",
                    "io.hypersistence.utils.hibernate.type.basic.PostgreSQLLTreeType", "ltree",
                    "io.hypersistence.utils.hibernate.type.basic.PostgreSQLCITextType", "citext",
                    "io.hypersistence.utils.hibernate.type.interval.PostgreSQLIntervalType",
                            "interval",
                    "io.hypersistence.utils.hibernate.type.interval.PostgreSQLPeriodType",
                            "interval",
                    "io.hypersistence.utils.hibernate.type.search.PostgreSQLTSVectorType",
                            "tsvector");

    private final DdlType previous;

    /**
     * Creates the descriptor.
     *
     * @param previous the descriptor registered for {@code Types.OTHER} before, or {@code null}
     */
    public UserTypeDdlType(DdlType previous) {
        this.previous = previous;
    }

    /** Returns the column type for a user type class, or {@code null} when it is not known. */
    static String columnType(Class<?> userType) {
        for (Class<?> c = userType; c != null; c = c.getSuperclass()) {
            String name = COLUMN_TYPES.get(c.getName());
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    @Override
    public int getSqlTypeCode() {
        return Types.OTHER;
    }

    @Override
    public String getTypeName(Size size, Type type, DdlTypeRegistry registry) {
        if (type instanceof CustomType<?> custom) {
            String name = columnType(custom.getUserType().getClass());
            if (name != null) {
                return name;
            }
        }
        if (previous != null) {
            return previous.getTypeName(size, type, registry);
        }
        throw new MappingException(
                "PG-ORM: no column type is known for "
                        + (type == null ? "a value of JDBC type OTHER" : type.getName())
                        + "; declare it with @Column(columnDefinition = \"...\")");
    }

    @Override
    public String getRawTypeName() {
        return previous == null ? "other" : previous.getRawTypeName();
    }

    @Override
    public String getTypeName(Long size, Integer precision, Integer scale) {
        if (previous != null) {
            return previous.getTypeName(size, precision, scale);
        }
        throw new MappingException(
                "PG-ORM: JDBC type OTHER has no column type by itself; declare it with"
                        + " @Column(columnDefinition = \"...\")");
    }

    @Override
    public String getCastTypeName(Size size, SqlExpressible type, DdlTypeRegistry registry) {
        if (type instanceof CustomType<?> custom) {
            String name = columnType(custom.getUserType().getClass());
            if (name != null) {
                return name;
            }
        }
        if (previous != null) {
            return previous.getCastTypeName(size, type, registry);
        }
        throw noCastType();
    }

    private static MappingException noCastType() {
        return new MappingException(
                "PG-ORM: JDBC type OTHER has no type to cast to; cast to a named type in the query");
    }

    @Override
    public String getCastTypeName(JdbcType jdbcType, JavaType<?> javaType) {
        if (previous != null) {
            return previous.getCastTypeName(jdbcType, javaType);
        }
        throw noCastType();
    }

    @Override
    public String getCastTypeName(
            JdbcType jdbcType,
            JavaType<?> javaType,
            Long length,
            Integer precision,
            Integer scale) {
        if (previous != null) {
            return previous.getCastTypeName(jdbcType, javaType, length, precision, scale);
        }
        throw noCastType();
    }
}
