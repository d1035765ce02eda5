package dev.pgorm.types;

import java.io.Serializable;
import java.util.Objects;

/**
 * A PostgreSQL {@code tsvector}: a document prepared for full-text search, held in PostgreSQL's
 * text form, for example {@code 'cat':2 'fat':1A}.
 *
 * <p>An attribute of this type maps to a {@code tsvector} column without annotations. Usually the
 * database computes it, as a generated column:
 *
 * <pre>{@code
 * @GeneratedColumn("to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))")
 * PgTsVector search;
 * }</pre>
 *
 * @since 0.1
 */
public final class PgTsVector implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tsvector in its text form, as given or as read from PostgreSQL. */
    private final String text;

    private PgTsVector(String text) {
        this.text = text;
    }

    /**
     * Returns the vector with the given text form. The server parses it (as {@code
     * 'text'::tsvector} would) when it is written; no normalization happens here.
     *
     * @param text a tsvector literal, for example {@code 'fat':1 'cat':2}
     * @return the vector, compared with others by its text
     * @throws IllegalArgumentException when {@code text} contains a NUL character
     */
    public static PgTsVector of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a tsvector cannot contain a NUL character");
        }
        return new PgTsVector(text);
    }

    /**
     * Returns the text form.
     *
     * @return the tsvector literal, such as {@code 'cat':2 'fat':1}
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
        return o instanceof PgTsVector other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
