package dev.pgorm.types;

/**
 * A PostgreSQL {@code tsquery}: a full-text search query in PostgreSQL's text form, for example
 * {@code 'fat' & ( 'cat' | 'rat' )}; maps to a {@code tsquery} column without annotations.
 *
 * <p>To turn user input into a query, prefer the server's parsers ({@code websearch_to_tsquery},
 * {@code plainto_tsquery}) over building this text by hand.
 *
 * @since 0.1
 */
public final class PgTsQuery extends PgTextValue {

    private static final long serialVersionUID = 1L;

    private PgTsQuery(String text) {
        super(text, "tsquery");
    }

    /**
     * Returns the query with the given text form, parsed by the server when written.
     *
     * @param text a tsquery literal, for example {@code 'fat' & ( 'cat' | 'rat' )}
     * @return the query, compared with others by its text
     * @throws IllegalArgumentException when {@code text} contains a NUL character
     */
    public static PgTsQuery of(String text) {
        return new PgTsQuery(text);
    }
}
