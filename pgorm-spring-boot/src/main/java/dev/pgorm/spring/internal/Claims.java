package dev.pgorm.spring.internal;

import org.springframework.security.oauth2.core.ClaimAccessor;

/** Reads a claim of a JWT principal; loaded only when Spring Security's OAuth2 core is present. */
final class Claims {

    private Claims() {}

    /** Returns the claim as text, or null when the principal has no claims or not this one. */
    static String of(Object principal, String claim) {
        return principal instanceof ClaimAccessor claims ? claims.getClaimAsString(claim) : null;
    }
}
