package org.preventhub.gateway.security;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.limit.RateLimiter;
import org.preventhub.gateway.proxy.ProxyHandler;
import org.preventhub.gateway.proxy.ServiceRoute;
import org.preventhub.gateway.web.Problems;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What a request must get past before it reaches a service, cheapest refusal first: a path that could escape
 * its prefix, a missing, forged or expired token (checked here against the identity provider's keys, issuer and,
 * where configured, audience; the service checks it again), the caller's rate limit (its address's, for a
 * request without a valid token), a role that has no business with the service. Then the body limit that fits
 * the caller, and the proxy. Every answer past the path check carries the caller's {@code RateLimit-*} headers.
 */
public final class FrontDoor {

    /** The caller's burst, what is left of it after this request, and the seconds until it is whole again. */
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    /** Encoded dots, slashes and backslashes would let a path mean something else to the service than here. */
    private static final Pattern AMBIGUOUS = Pattern.compile("(?i)%2e|%2f|%5c|\\\\|//");
    /** Secret URLs handed to programs that cannot send a token (trainers' calendar feeds: 43 base64url characters). */
    private static final Pattern CAPABILITY_URL = Pattern.compile("/calendar-feeds/[A-Za-z0-9_-]{43}");

    private final GatewayConfig config;
    private final RateLimiter rateLimiter;
    private final ProxyHandler proxy;
    private final VerifiedTokens verified;

    public FrontDoor(GatewayConfig config, RateLimiter rateLimiter, ProxyHandler proxy) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.proxy = proxy;
        this.verified = new VerifiedTokens(config.verifiedTokens().maxEntries(), config.verifiedTokens().trustFor().toNanos());
    }

    public void handle(RoutingContext ctx, ServiceRoute route) {
        // Nothing is read until the caller is known; the body waits in the socket meanwhile.
        ctx.request().pause();
        String path = ctx.request().path();
        if (AMBIGUOUS.matcher(path).find() || !path.equals(ctx.normalizedPath())) {
            Problems.send(ctx, 400, "malformed-request", "Malformed path",
                    "The path has dot segments, doubled or encoded slashes; send it in its plain form.");
            return;
        }
        String rest = path.substring(route.prefix().length());
        if (rest.equals("/q") || rest.startsWith("/q/")) {
            // A service's health, metrics and OpenAPI are for operators; the suite's OpenAPI is /api/openapi.json.
            Problems.send(ctx, 404, "not-found", "Not found", "No such resource: " + path);
            return;
        }
        String token = bearerToken(ctx);
        if (token == null && ctx.request().method() == HttpMethod.GET && CAPABILITY_URL.matcher(rest).matches()) {
            capability(ctx, route);
            return;
        }
        VerifiedTokens.Caller known = token == null ? null
                : verified.get(token, System.currentTimeMillis() / 1000, System.nanoTime());
        if (known != null) {
            admitted(ctx, route, known);
            return;
        }
        // Quarkus answers a failed authentication through this handler: make it a problem document.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> invalidToken(c));
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        unauthenticated(ctx,
                                "Send a bearer token from the identity provider in the Authorization header.", false);
                        return;
                    }
                    VerifiedTokens.Caller caller = new VerifiedTokens.Caller(Set.copyOf(identity.getRoles()),
                            claim(identity, "azp"), claim(identity, "sub") == null ? identity.getPrincipal().getName()
                                    : claim(identity, "sub"));
                    if (token != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                        verified.put(token, caller, jwt.getExpirationTime(), System.nanoTime());
                    }
                    admitted(ctx, route, caller);
                },
                failure -> invalidToken(ctx));
    }

    /**
     * A calendar program subscribes to a secret URL and sends no token: the secret in the path is the credential,
     * checked by the service. Such a request is held to the per-address limit of requests without a token.
     */
    private void capability(RoutingContext ctx, ServiceRoute route) {
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        if (!limited(ctx, rateLimiter.decideUnauthenticated(address, System.nanoTime()))) {
            proxy.forward(ctx, route, config.bodyLimits().defaults().asLongValue());
        }
    }

    private static String bearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private void invalidToken(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            unauthenticated(ctx,
                    "The bearer token is not valid (expired, not signed by the identity provider, or not for this API).",
                    true);
        }
    }

    /**
     * A 401, or a 429 once the caller's address has had its share of them: requests without a valid token are
     * limited per remote address ({@code gateway.rate-limits.unauthenticated}), so a probe cannot try tokens or
     * paths at the speed of the network, and the answer carries the same rate-limit headers as any other.
     */
    private void unauthenticated(RoutingContext ctx, String detail, boolean invalidToken) {
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        RateLimiter.Decision decision = rateLimiter.decideUnauthenticated(address, System.nanoTime());
        if (limited(ctx, decision)) {
            return;
        }
        Problems.unauthenticated(ctx, detail, invalidToken);
    }

    /** Puts the rate-limit headers on the answer; answers 429 (and true) when the caller must wait. */
    private static boolean limited(RoutingContext ctx, RateLimiter.Decision decision) {
        ctx.response().putHeader(RATE_LIMIT_LIMIT, Integer.toString(decision.limit()))
                .putHeader(RATE_LIMIT_REMAINING, Integer.toString(decision.remaining()))
                .putHeader(RATE_LIMIT_RESET, Long.toString(decision.resetSeconds()));
        if (decision.admitted()) {
            return false;
        }
        ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                "This client's rate limit is used up; try again in " + decision.retryAfterSeconds() + " s.");
        return true;
    }

    private void admitted(RoutingContext ctx, ServiceRoute route, VerifiedTokens.Caller caller) {
        Set<String> roles = caller.roles();
        // The limit first: a caller knocking on a service its roles do not open is held to its rate as well, and
        // every answer from here on (the service's included) says what is left of it.
        if (limited(ctx, rateLimiter.decide(caller.clientId(), caller.subject(), roles, System.nanoTime()))) {
            return;
        }
        List<String> allowed = route.roles();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(roles::contains)) {
            Problems.send(ctx, 403, "forbidden", "Forbidden",
                    "Your roles do not give access to the " + route.title().toLowerCase(java.util.Locale.ROOT) + " service.");
            return;
        }
        proxy.forward(ctx, route, bodyLimit(roles));
    }

    /** The largest limit among the caller's roles that have one, or the default. */
    long bodyLimit(Set<String> roles) {
        long limit = -1;
        for (String role : roles) {
            var roleLimit = config.bodyLimits().roles().get(role);
            if (roleLimit != null) {
                limit = Math.max(limit, roleLimit.asLongValue());
            }
        }
        return limit >= 0 ? limit : config.bodyLimits().defaults().asLongValue();
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
