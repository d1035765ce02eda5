package dev.pgorm.types;

import java.io.Serializable;
import java.util.Objects;

/**
 * A PostgreSQL {@code tsquery}: a full-text search query in PostgreSQL's text form, for example
 * {@code 'fat' & ( 'cat' | 'rat' )}; maps to a {@code tsquery} column without annotations.
 *
 * <p>To turn user input into a query, prefer the server's parsers ({@code websearch_to_tsquery},
 * {@code plainto_tsquery}) over building this text by hand.
 *
 * @since 0.1
 */
public final class PgTsQuery implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tsquery in its text form, as given or as read from PostgreSQL. */
    private final String text;

    private PgTsQuery(String text) {
        this.text = text;
    }

    /**
     * Returns the query with the given text form, parsed by the server when written.
     *
     * @param text a tsquery literal, for example {@code 'fat' & ( 'cat' | 'rat' )}
     * @return the query, compared with others by its text
     * @throws IllegalArgumentException when {@code text} contains a NUL character
     */
    public static PgTsQuery of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a tsquery cannot contain a NUL character");
        }
        return new PgTsQuery(text);
    }

    /**
     * Returns the text form.
     *
     * @return the tsquery literal, such as {@code 'fat' & 'rat'}
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
        return o instanceof PgTsQuery other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
