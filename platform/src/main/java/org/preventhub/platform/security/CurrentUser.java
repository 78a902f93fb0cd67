package org.preventhub.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the token's subject, a display name, the roles, and the agency the person works for
 * (the {@code agency} claim, mapped from a Keycloak user attribute). Object-level checks use the agency.
 */
@RequestScoped
public class CurrentUser {

    public static final String AGENCY_CLAIM = "agency";
    public static final int MAX_AGENCY_LENGTH = 100;

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentUser(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** Stable id of the caller: the token subject, else the principal name. */
    public String id() {
        if (token != null && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Optional<String> agency() {
        if (token == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim(AGENCY_CLAIM);
        // An agency is a short code (the API documents 100 characters at most); a longer claim is no agency.
        return Optional.ofNullable(claim).map(Object::toString).map(s -> s.replace("\"", ""))
                .filter(s -> !s.isBlank() && s.length() <= MAX_AGENCY_LENGTH);
    }

    /** The OAuth client the token was issued to (its {@code azp} claim), if it names one. */
    public Optional<String> clientId() {
        if (token == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim("azp");
        return Optional.ofNullable(claim).map(Object::toString).map(s -> s.replace("\"", ""))
                .filter(s -> !s.isBlank() && s.length() <= 255);
    }

    /** The caller's e-mail address (the {@code email} claim), if the token carries a plausible one. */
    public Optional<String> email() {
        if (token == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim("email");
        return Optional.ofNullable(claim).map(Object::toString).map(s -> s.replace("\"", "").strip())
                .filter(s -> s.length() <= 254 && s.matches("[^\\s@<>]+@[^\\s@<>]+"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public java.util.Set<String> roles() {
        return identity.getRoles();
    }
}
