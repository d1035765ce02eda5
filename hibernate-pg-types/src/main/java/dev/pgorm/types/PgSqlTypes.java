package dev.pgorm.types;

/**
 * SQL type codes for PostgreSQL types that Java has no class of its own for, to use with
 * Hibernate's {@code @JdbcTypeCode}: {@code @JdbcTypeCode(PgSqlTypes.LTREE) String path} gets an
 * {@code ltree} column in schema export and binds as {@code ltree}, with no {@code @Type} and no
 * {@code columnDefinition}.
 *
 * @since 0.1
 */
public final class PgSqlTypes {

    /** {@code hstore} (extension {@code hstore}) for a {@code Map<String, String>} attribute. */
    public static final int HSTORE = 6_100_300;

    /** {@code ltree} (extension {@code ltree}) for a {@code String} attribute. */
    public static final int LTREE = 6_100_301;

    /** {@code citext} (extension {@code citext}) for a {@code String} attribute. */
    public static final int CITEXT = 6_100_302;

    /**
     * {@code macaddr} for a {@code String} attribute; PostgreSQL stores {@code 08:00:2b:01:02:03}.
     */
    public static final int MACADDR = 6_100_303;

    /** {@code macaddr8} (EUI-64) for a {@code String} attribute. */
    public static final int MACADDR8 = 6_100_304;

    private PgSqlTypes() {}
}
