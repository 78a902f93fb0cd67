package org.preventhub.testing.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * A minimal OpenID Connect provider for tests: discovery document and JWKS over real HTTP, RS256 tokens shaped
 * like Keycloak's (roles in {@code realm_access.roles}, an {@code agency} claim). Services validate these tokens
 * for real: signature against the JWKS, issuer, expiry. A forged token is signed by a key the JWKS does not hold.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String REALM_PATH = "/realms/prevent-hub";
    private static final String KEY_ID = "test-signing-key";

    private final HttpServer server;
    private final KeyPair signingKey;
    private final KeyPair forgerKey;
    private final String issuer;

    private TestIdentityProvider(HttpServer server, KeyPair signingKey, KeyPair forgerKey, String issuer) {
        this.server = server;
        this.signingKey = signingKey;
        this.forgerKey = forgerKey;
        this.issuer = issuer;
    }

    public static TestIdentityProvider start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair signing = generator.generateKeyPair();
            KeyPair forger = generator.generateKeyPair();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://localhost:" + server.getAddress().getPort() + REALM_PATH;
            TestIdentityProvider provider = new TestIdentityProvider(server, signing, forger, issuer);
            server.createContext(REALM_PATH + "/.well-known/openid-configuration",
                    exchange -> provider.json(exchange, provider.discovery()));
            server.createContext(REALM_PATH + "/protocol/openid-connect/certs",
                    exchange -> provider.json(exchange, provider.jwks()));
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The audience of the suite's API, which its access tokens carry (the realm's audience mapper). */
    public static final String API_AUDIENCE = "prevent-hub";

    /**
     * Issues a token. Keys of {@code claims}: {@code sub}, {@code username}, {@code roles} (collection),
     * {@code agency}, {@code email}, {@code expiresIn} (seconds, negative for an expired token), {@code forged} (boolean),
     * {@code clientId} (the {@code azp} claim), {@code audience} (default {@value #API_AUDIENCE}; present with a
     * null value for none), {@code type} (the {@code typ} claim, default {@code Bearer}; Keycloak's ID and refresh
     * tokens say {@code ID} and {@code Refresh}).
     */
    public String issue(Map<String, Object> claims) {
        long now = Instant.now().getEpochSecond();
        long expiresIn = ((Number) claims.getOrDefault("expiresIn", 3600)).longValue();
        Collection<?> roles = (Collection<?>) claims.getOrDefault("roles", List.of());
        String username = (String) claims.getOrDefault("username", "tester");
        JwtClaimsBuilder builder = Jwt.issuer(issuer)
                .subject((String) claims.getOrDefault("sub", "user-" + username))
                .preferredUserName(username)
                .claim("azp", (String) claims.getOrDefault("clientId", "prevent-hub-test"))
                .claim("typ", (String) claims.getOrDefault("type", "Bearer"))
                .claim("realm_access", Map.of("roles", roles.stream().map(Object::toString).toList()))
                .issuedAt(expiresIn < 0 ? now + expiresIn - 60 : now)
                .expiresAt(now + expiresIn);
        Object audience = claims.containsKey("audience") ? claims.get("audience") : API_AUDIENCE;
        if (audience != null) {
            builder.audience(audience.toString());
        }
        Object email = claims.get("email");
        if (email != null) {
            builder.claim("email", email.toString());
        }
        Object agency = claims.get("agency");
        if (agency != null) {
            builder.claim("agency", agency.toString());
        }
        boolean forged = Boolean.TRUE.equals(claims.get("forged"));
        return builder.jws().keyId(KEY_ID).sign((forged ? forgerKey : signingKey).getPrivate());
    }

    private String discovery() {
        return """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer);
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
