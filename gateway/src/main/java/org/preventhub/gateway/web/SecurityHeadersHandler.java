package org.preventhub.gateway.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response, whoever wrote it (a service, the gateway's own problems, health, Swagger
 * UI). API answers may hold personal data, so they are never cached and never framed; only Swagger UI's pages
 * may load their own scripts and styles.
 */
public final class SecurityHeadersHandler implements Handler<RoutingContext> {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    @Override
    public void handle(RoutingContext ctx) {
        boolean ui = ctx.request().path().startsWith("/q/swagger-ui");
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("Cross-Origin-Resource-Policy", "same-site");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            headers.set("Content-Security-Policy", ui ? UI_POLICY : API_POLICY);
            if (!ui && !headers.contains("Cache-Control")) {
                headers.set("Cache-Control", "no-store");
            }
            headers.remove("Server");
        });
        ctx.next();
    }
}
