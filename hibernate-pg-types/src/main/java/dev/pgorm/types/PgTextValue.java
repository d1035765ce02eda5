package dev.pgorm.types;

import java.io.Serializable;
import java.util.Objects;

/**
 * What {@link PgTsVector} and {@link PgTsQuery} share: a value held in PostgreSQL's text form,
 * checked for NUL characters, equal to another of its class with the same text.
 */
abstract class PgTextValue implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The value in its text form, as given or as read from PostgreSQL. */
    private final String text;

    PgTextValue(String text, String typeName) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a " + typeName + " cannot contain a NUL character");
        }
        this.text = text;
    }

    /**
     * Returns the text form.
     *
     * @return the literal, as given or as read from PostgreSQL
     */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && text.equals(((PgTextValue) o).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
