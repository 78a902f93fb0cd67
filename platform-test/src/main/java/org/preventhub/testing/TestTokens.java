package org.preventhub.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.preventhub.testing.infra.TestInfrastructure;

/**
 * Signed bearer tokens from the test identity provider, e.g.
 * {@code TestTokens.as("trainer").agency("warwickshire-county-council").token()}.
 */
public final class TestTokens {

    private final Map<String, Object> claims = new HashMap<>();

    private TestTokens(List<String> roles) {
        claims.put("roles", roles);
        claims.put("username", roles.isEmpty() ? "no-role" : roles.get(0) + "-user");
    }

    public static TestTokens as(String... roles) {
        return new TestTokens(List.of(roles));
    }

    public static String token(String... roles) {
        return as(roles).token();
    }

    public TestTokens username(String username) {
        claims.put("username", username);
        claims.put("sub", "user-" + username);
        return this;
    }

    public TestTokens agency(String agency) {
        claims.put("agency", agency);
        return this;
    }

    /** The user's e-mail address (the {@code email} claim Keycloak's default scope adds). */
    public TestTokens email(String email) {
        claims.put("email", email);
        return this;
    }

    /** The OAuth client the token was issued to (its {@code azp} claim). */
    public TestTokens client(String clientId) {
        claims.put("clientId", clientId);
        return this;
    }

    /** Issued for another API (the default is this suite's, {@code prevent-hub}). */
    public TestTokens audience(String audience) {
        claims.put("audience", audience);
        return this;
    }

    /** Issued for no API at all, as a realm token of another client (e.g. {@code admin-cli}) is. */
    public TestTokens noAudience() {
        claims.put("audience", null);
        return this;
    }

    /** The {@code typ} claim: {@code ID} for an ID token, {@code Refresh} for a refresh token (default Bearer). */
    public TestTokens type(String type) {
        claims.put("type", type);
        return this;
    }

    /** Valid for this many more seconds only. */
    public TestTokens expiresIn(long seconds) {
        claims.put("expiresIn", seconds);
        return this;
    }

    public TestTokens expired() {
        claims.put("expiresIn", -3600);
        return this;
    }

    /** Signed by a key the identity provider does not publish. */
    public TestTokens forged() {
        claims.put("forged", true);
        return this;
    }

    public String token() {
        return TestInfrastructure.identity().issue(claims);
    }
}
