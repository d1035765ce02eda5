package dev.pgorm.types;

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
public final class PgTsVector extends PgTextValue {

    private static final long serialVersionUID = 1L;

    private PgTsVector(String text) {
        super(text, "tsvector");
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
        return new PgTsVector(text);
    }
}
