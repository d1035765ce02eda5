package dev.pgorm.types.internal;

/** A map or list of a JSON attribute that is parsed on first use. */
interface LazyJsonValue {

    /** Returns the document behind the value. */
    LazyJson document();
}
