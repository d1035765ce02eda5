package dev.pgorm.migrate.internal;

/**
 * A collation.
 *
 * @param provider {@code icu} or {@code libc}
 * @param locale its locale
 * @param deterministic whether equal means byte-wise equal
 */
record Collation(String provider, String locale, boolean deterministic) {
    String definition() {
        return "(provider = "
                + provider
                + ", locale = "
                + Sql.literal(locale)
                + ", deterministic = "
                + deterministic
                + ")";
    }
}
