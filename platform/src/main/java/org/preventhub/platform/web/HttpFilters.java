package org.preventhub.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;
import org.preventhub.platform.problem.ProblemResponses;
import org.preventhub.platform.request.RequestIds;
import org.preventhub.platform.problem.Violation;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x filters that run before JAX-RS: the request id, the security headers, the lengths of headers and
 * parameters ({@link RequestLimits}), and the body size limit answered as problem+json before any of the body is
 * read (Vert.x's own limit, set higher, still guards chunked uploads).
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
        filters.register(this::securityHeaders, 960);
        filters.register(this::parameterLengths, 950);
        filters.register(this::bodySize, 900);
    }

    /**
     * The headers the gateway puts on every answer, here too, for a caller that reaches the service port (inside
     * the cluster, or a misconfigured Ingress): answers hold personal data, so they are never cached, framed,
     * sniffed or allowed to load anything.
     */
    private void securityHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.set("Cross-Origin-Resource-Policy", "same-site");
            if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        ctx.next();
    }

    /**
     * Headers, query parameters and path segments longer than {@link RequestLimits} allows are 400, and so is a NUL
     * character in any of them.
     */
    private void parameterLengths(RoutingContext ctx) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, Integer> header : RequestLimits.HEADERS.entrySet()) {
            for (String value : ctx.request().headers().getAll(header.getKey())) {
                if (value.length() > header.getValue()) {
                    violations.add(new Violation(header.getKey(), "at most " + header.getValue() + " characters"));
                    break;
                }
            }
        }
        String query = ctx.request().query();
        if (query != null && query.length() > RequestLimits.MAX_PARAMETER_LENGTH) {
            new QueryStringDecoder(query, false).parameters().forEach((name, values) -> {
                if (values.stream().anyMatch(v -> v.length() > RequestLimits.MAX_PARAMETER_LENGTH)) {
                    violations.add(new Violation(name.length() > 100 ? name.substring(0, 100) : name,
                            "at most " + RequestLimits.MAX_PARAMETER_LENGTH + " characters"));
                }
            });
        }
        String path = ctx.request().path();
        if (path != null && path.length() > RequestLimits.MAX_PARAMETER_LENGTH) {
            for (String segment : path.split("/")) {
                if (segment.length() > RequestLimits.MAX_PARAMETER_LENGTH
                        && QueryStringDecoder.decodeComponent(segment).length() > RequestLimits.MAX_PARAMETER_LENGTH) {
                    violations.add(new Violation("path", "each segment at most " + RequestLimits.MAX_PARAMETER_LENGTH
                            + " characters"));
                    break;
                }
            }
        }
        storable(ctx, violations);
        if (!violations.isEmpty()) {
            problems.write(ctx, problems.problem(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid field(s).", path, violations, null));
            return;
        }
        ctx.next();
    }

    private static final String NUL = "must not contain the NUL character (U+0000), which cannot be stored";

    /**
     * A NUL character (sent as {@code %00}, or raw in a header) cannot be stored in PostgreSQL text: refused here,
     * naming the header, parameter or path, rather than reaching the database as a 500. JSON bodies are checked by
     * {@link org.preventhub.platform.json.StrictJson}.
     */
    private static void storable(RoutingContext ctx, List<Violation> violations) {
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            if (header.getValue().indexOf('\0') >= 0 || header.getKey().indexOf('\0') >= 0) {
                String name = header.getKey().replace("\0", "");
                violations.add(new Violation(name.length() > 100 ? name.substring(0, 100) : name, NUL));
                break;
            }
        }
        String query = ctx.request().query();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            new QueryStringDecoder(query, false).parameters().forEach((name, values) -> {
                if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                    String shown = name.replace("\0", "");
                    violations.add(new Violation(shown.length() > 100 ? shown.substring(0, 100) : shown, NUL));
                }
            });
        }
        String path = ctx.request().path();
        if (path != null && (path.contains("%00") || path.indexOf('\0') >= 0)) {
            violations.add(new Violation("path", NUL));
        }
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
            if (path.startsWith(prefix) || path.contains(prefix + "/") || path.endsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
