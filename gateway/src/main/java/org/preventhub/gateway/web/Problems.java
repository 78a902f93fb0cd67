package org.preventhub.gateway.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem documents written by the gateway itself, in the same shape the services use
 * ({@code type} {@code urn:prevent-hub:problem:<kind>}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, {@code requestId}), so a client handles an error the same way whichever layer refused it.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:prevent-hub:problem:";

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String kind, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // Part of a service's answer is already on the wire: all that is left is to cut it short.
            response.reset();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", TYPE_PREFIX + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", RequestIdHandler.of(ctx));
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(problem.encode());
    }

    public static void unauthenticated(RoutingContext ctx, String detail, boolean invalidToken) {
        ctx.response().putHeader("WWW-Authenticate",
                invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        send(ctx, 401, "unauthenticated", "Authentication required", detail);
    }
}
