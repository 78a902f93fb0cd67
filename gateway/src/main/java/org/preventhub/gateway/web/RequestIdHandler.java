package org.preventhub.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id in {@code X-Request-Id}: the caller's when well-formed, a new one otherwise. It is
 * forwarded to the service (which logs it on every line), echoed on the response and quoted in problems, so one
 * id follows a request through every layer.
 */
public final class RequestIdHandler implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "prevent-hub.request-id";
    // The same rule as the services': a caller cannot inject log lines or oversized values.
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @Override
    public void handle(RoutingContext ctx) {
        String candidate = ctx.request().getHeader(HEADER);
        String id = candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.request().headers().set(HEADER, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? ctx.request().getHeader(HEADER) : id;
    }
}
