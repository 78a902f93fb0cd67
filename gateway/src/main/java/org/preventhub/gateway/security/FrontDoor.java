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
import io.vertx.ext.web.RoutingContext;

/**
 * What a request must get past before it reaches a service, cheapest refusal first: a path that could escape
 * its prefix, a missing, forged or expired token (checked here against the identity provider's keys, issuer and,
 * where configured, audience; the service checks it again), a role that has no business with the service, the
 * caller's rate limit. Then the body limit that fits the caller, and the proxy.
 */
public final class FrontDoor {

    /** Encoded dots, slashes and backslashes would let a path mean something else to the service than here. */
    private static final Pattern AMBIGUOUS = Pattern.compile("(?i)%2e|%2f|%5c|\\\\|//");

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
                        Problems.unauthenticated(ctx,
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

    private static String bearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static void invalidToken(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            Problems.unauthenticated(ctx,
                    "The bearer token is not valid (expired, not signed by the identity provider, or not for this API).",
                    true);
        }
    }

    private void admitted(RoutingContext ctx, ServiceRoute route, VerifiedTokens.Caller caller) {
        Set<String> roles = caller.roles();
        List<String> allowed = route.roles();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(roles::contains)) {
            Problems.send(ctx, 403, "forbidden", "Forbidden",
                    "Your roles do not give access to the " + route.title().toLowerCase(java.util.Locale.ROOT) + " service.");
            return;
        }
        long retryAfter = rateLimiter.acquire(caller.clientId(), caller.subject(), roles, System.nanoTime());
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
            Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                    "This client's rate limit is used up; try again in " + retryAfter + " s.");
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
