package org.preventhub.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Bearer tokens this service has already verified, and the identity each stands for. Verifying a JWT (parsing its
 * header and claims, three JSON parses with a 32 KB buffer each, and checking its RSA signature) was over half of
 * what a booking allocated (JFR), which made young collections, and their pauses, frequent; and a client sends the
 * same token for minutes. A token is trusted from here for at most {@code hub.security.verified-tokens.trust-for}
 * (so a key withdrawn from the identity provider soon stops being honoured) and never past its own expiry; any
 * other token goes to the OIDC extension, as before. The gateway does the same at the door.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private record Entry(SecurityIdentity identity, long expiresAtEpochSecond, long trustedUntilNanos) {
    }

    /** An attribute of the request the token came with: not to be carried into later requests. */
    private static final String ROUTING_CONTEXT = "io.vertx.ext.web.RoutingContext";

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final OidcIdentityProvider oidc;
    private final VerifiedTokensConfig config;
    private final Counter hits;
    private final Counter misses;

    VerifiedTokens(OidcIdentityProvider oidc, VerifiedTokensConfig config, MeterRegistry registry) {
        this.oidc = oidc;
        this.config = config;
        this.hits = Counter.builder("hub.security.verified.tokens").tag("result", "hit")
                .description("Requests whose bearer token was verified earlier").register(registry);
        this.misses = Counter.builder("hub.security.verified.tokens").tag("result", "miss")
                .description("Requests whose bearer token was verified now").register(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the OIDC extension's provider, which then only sees what this one hands it. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        Entry entry = entries.get(token);
        long now = System.nanoTime();
        if (entry != null) {
            if (System.currentTimeMillis() / 1000 < entry.expiresAtEpochSecond() && now - entry.trustedUntilNanos() < 0) {
                hits.increment();
                return Uni.createFrom().item(entry.identity());
            }
            entries.remove(token, entry);
        }
        misses.increment();
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity, now));
    }

    private void remember(String token, SecurityIdentity identity, long verifiedAtNanos) {
        if (identity == null || config.trustFor().isZero() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (entries.size() >= config.maxEntries()) {
            // Rare (that many distinct live tokens within the trust period): start again rather than track use.
            entries.clear();
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials());
        identity.getAttributes().forEach((name, value) -> {
            if (!name.equals(ROUTING_CONTEXT)) {
                kept.addAttribute(name, value);
            }
        });
        entries.put(token, new Entry(kept.build(), jwt.getExpirationTime(), verifiedAtNanos + config.trustFor().toNanos()));
    }
}
