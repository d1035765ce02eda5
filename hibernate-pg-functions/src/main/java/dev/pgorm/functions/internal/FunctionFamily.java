package dev.pgorm.functions.internal;

/** One family of functions (full-text, JSONB, ranges ...), registered together. */
interface FunctionFamily {

    /** Registers this family's functions. */
    void register(FunctionRegistrar functions);
}
