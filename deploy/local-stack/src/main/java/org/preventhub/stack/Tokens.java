package org.preventhub.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real tokens from the stack's Keycloak for the demo users of deploy/keycloak/prevent-hub-realm.json:
 * password grant for people (the local-only prevent-hub-cli client), client credentials for machine clients.
 */
final class Tokens {

    /** The demo user who acts in each role (all demo users have the password "demo"). */
    static final Map<String, String> USER_FOR_ROLE = Map.of(
            "prevent-lead", "lead-wcc",
            "trainer", "trainer-wcc",
            "engagement-officer", "engagement-wcc",
            "referrer", "referrer-police",
            "channel-panel", "panel-wcc",
            "analyst", "analyst-wcc",
            "admin", "admin-wcc");

    /** Machine clients: role to client id and (demo) secret. */
    static final Map<String, String[]> CLIENT_FOR_ROLE = Map.of(
            "feed", new String[] { "warwick-district-feed", "warwick-district-feed-secret" },
            "booking", new String[] { "booking-website", "booking-website-secret" });

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenEndpoint;
    private final Map<String, CachedToken> cache = new HashMap<>();

    Tokens(String issuer) {
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
    }

    /** A demo user's own token (password "demo"), e.g. {@code lead-police} for another agency than lead-wcc's. */
    synchronized String forUser(String username) {
        return cached("user:" + username, () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "password");
            form.put("client_id", "prevent-hub-cli");
            form.put("username", username);
            form.put("password", "demo");
            return form;
        });
    }

    /** A machine client's token by client credentials. */
    synchronized String forClient(String clientId, String secret) {
        return cached("client:" + clientId, () -> Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private String cached(String key, java.util.function.Supplier<Map<String, String>> form) {
        CachedToken cached = cache.get(key);
        if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(30))) {
            return cached.token();
        }
        JsonNode answer = post(form.get());
        CachedToken token = new CachedToken(answer.get("access_token").asText(),
                Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
        cache.put(key, token);
        return token.token();
    }

    synchronized String forRole(String role) {
        CachedToken cached = cache.get(role);
        if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(30))) {
            return cached.token();
        }
        Map<String, String> form = new LinkedHashMap<>();
        if (CLIENT_FOR_ROLE.containsKey(role)) {
            form.put("grant_type", "client_credentials");
            form.put("client_id", CLIENT_FOR_ROLE.get(role)[0]);
            form.put("client_secret", CLIENT_FOR_ROLE.get(role)[1]);
        } else if (USER_FOR_ROLE.containsKey(role)) {
            form.put("grant_type", "password");
            form.put("client_id", "prevent-hub-cli");
            form.put("username", USER_FOR_ROLE.get(role));
            form.put("password", "demo");
        } else {
            throw new IllegalArgumentException("No demo user or client has the role " + role);
        }
        JsonNode answer = post(form);
        CachedToken token = new CachedToken(answer.get("access_token").asText(),
                Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
        cache.put(role, token);
        return token.token();
    }

    /** Keycloak's whole answer to a grant (access, ID and refresh tokens), for tests of what is refused. */
    JsonNode grant(Map<String, String> form) {
        return post(form);
    }

    private JsonNode post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record CachedToken(String token, Instant expiresAt) {
    }
}
