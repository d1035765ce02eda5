package dev.pgorm.bulk.internal;

/**
 * Writes one non-null value as a field of a binary COPY row: its length, then the bytes of the
 * column type's binary receive format.
 */
@FunctionalInterface
interface BinaryEncoder {

    /**
     * Writes the field.
     *
     * @throws IllegalArgumentException when the value cannot be a value of the column's type
     */
    void write(CopyBuffer out, Object value);

    /** The failure for a value the column's type cannot take, naming both. */
    static IllegalArgumentException cannot(Object value, String type) {
        return new IllegalArgumentException(
                "cannot write a "
                        + value.getClass().getName()
                        + " value ("
                        + value
                        + ") into a column of type "
                        + type
                        + " by binary COPY");
    }
}
