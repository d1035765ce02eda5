package dev.pgorm.types.internal;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;

/**
 * A JSON document as read from the database, parsed on first use with Hibernate's configured JSON
 * {@code FormatMapper}. A map or list attribute that is loaded and flushed without being looked at
 * is never parsed, copied or compared: its snapshot shares the document text, and the dirty check
 * compares the texts.
 */
final class LazyJson {

    private final String json;
    private final JavaType<?> type;
    private final WrapperOptions options;
    private Object value;
    private volatile boolean parsed;

    /**
     * Creates the document.
     *
     * @param json the text PostgreSQL returned
     * @param type the attribute's descriptor, for the format mapper
     * @param options the session factory's options (never a session, which a detached entity would
     *     keep alive)
     */
    LazyJson(String json, JavaType<?> type, WrapperOptions options) {
        this.json = json;
        this.type = type;
        this.options = options;
    }

    /** Returns the text as read. */
    String json() {
        return json;
    }

    /** Returns whether the document has been parsed. */
    boolean parsed() {
        return parsed;
    }

    /** Returns the parsed document, parsing it the first time. */
    Object value() {
        if (!parsed) {
            synchronized (this) {
                if (!parsed) {
                    // entities shared read-only between threads must see one parsed value
                    value = parse();
                    parsed = true;
                }
            }
        }
        return value;
    }

    private Object parse() {
        try {
            return options.getJsonFormatMapper().fromString(json, type, options);
        } catch (RuntimeException e) {
            String shown = json.length() > 200 ? json.substring(0, 200) + "..." : json;
            throw new IllegalStateException(
                    "PG-ORM: a jsonb document read lazily does not fit the attribute's type "
                            + type.getTypeName()
                            + " (parsed on first use): "
                            + shown,
                    e);
        }
    }

    /** Returns a document over the same text, not yet parsed: the snapshot of an unread value. */
    LazyJson sameText() {
        return new LazyJson(json, type, options);
    }
}
