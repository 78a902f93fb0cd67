package org.preventhub.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;
import org.preventhub.platform.problem.ProblemResponses;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x filters that run before JAX-RS: the request id, and the body size limit answered as problem+json
 * before any of the body is read (Vert.x's own limit, set higher, still guards chunked uploads).
 */
@ApplicationScoped
public class HttpFilters {

    private final ProblemResponses problems;
    private final HttpLimitsConfig limits;

    public HttpFilters(ProblemResponses problems, HttpLimitsConfig limits) {
        this.problems = problems;
        this.limits = limits;
    }

    void register(@Observes Filters filters) {
        filters.register(this::requestId, 1000);
        filters.register(this::bodySize, 900);
    }

    private void requestId(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.put(RequestIds.MDC_KEY, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        ctx.addEndHandler(ignored -> MDC.remove(RequestIds.MDC_KEY));
        ctx.next();
    }

    private void bodySize(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                problems.write(ctx, 400, "bad-request", "Bad request", "Content-Length is not a number.");
                return;
            }
            long limit = isUpload(ctx.request().path()) ? limits.maxUploadBytes() : limits.maxBodyBytes();
            if (declared > limit) {
                ctx.request().pause();
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                problems.write(ctx, 413, "payload-too-large", "Payload too large",
                        "The request body is larger than the " + limit + " bytes this operation accepts.");
                return;
            }
        }
        ctx.next();
    }

    private boolean isUpload(String path) {
        for (String prefix : limits.uploadPaths()) {
            if (path.startsWith(prefix) || path.contains(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
