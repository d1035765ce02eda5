package dev.pgorm.types.internal;

/**
 * A Java type that travels as a PostgreSQL text literal of a named type: what {@link
 * PgObjectJdbcType} needs to bind and read it.
 */
interface PgTextType {

    /** Returns the PostgreSQL type to send a value as, or null to let the server infer it. */
    String pgTypeName(Object value);

    /** Returns the value's PostgreSQL literal. */
    String literal(Object value);

    /**
     * Reads a literal as received.
     *
     * @param literal the text PostgreSQL sent
     * @param pgTypeName the type PostgreSQL named, or null when unknown
     */
    Object fromLiteral(String literal, String pgTypeName);
}
