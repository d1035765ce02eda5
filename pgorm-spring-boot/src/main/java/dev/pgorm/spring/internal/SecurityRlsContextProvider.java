package dev.pgorm.spring.internal;

import dev.pgorm.rls.RlsContextProvider;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Applies the authenticated user of Spring Security's context to one setting: the principal's name,
 * or the value of a JWT claim when {@code pgorm.rls.security.claim} names one. No setting applies
 * without an authenticated user (anonymous included), so the policies match nothing.
 */
final class SecurityRlsContextProvider implements RlsContextProvider {

    private static final boolean CLAIMS =
            ClassUtils.isPresent(
                    "org.springframework.security.oauth2.core.ClaimAccessor",
                    SecurityRlsContextProvider.class.getClassLoader());

    private final String setting;
    private final String claim;

    SecurityRlsContextProvider(String setting, String claim) {
        this.setting = setting;
        this.claim = claim == null || claim.isBlank() ? null : claim;
    }

    @Override
    public Map<String, String> currentSettings() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || !auth.isAuthenticated()
                || auth instanceof AnonymousAuthenticationToken) {
            return Map.of();
        }
        String value = claim == null ? auth.getName() : claimOf(auth.getPrincipal());
        return value == null ? Map.of() : Map.of(setting, value);
    }

    private String claimOf(Object principal) {
        if (!CLAIMS) {
            throw new IllegalStateException(
                    "pgorm.rls.security.claim="
                            + claim
                            + " needs spring-security-oauth2-core (JWT authentication) on the"
                            + " classpath");
        }
        return Claims.of(principal, claim);
    }
}
