package org.preventhub.gateway.proxy;

import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;
import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.web.Problems;
import org.preventhub.gateway.web.RequestIdHandler;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.Pipe;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards one request to its service and the answer back, both streamed: the gateway never holds a whole body,
 * so a council's large feed file passes through in constant memory. A service that is down answers 503, one
 * that is too slow 504, one that breaks the connection 502, each as a problem document and never after a hang;
 * every outcome feeds the service's circuit breaker.
 */
public final class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    /** Connection-level headers (RFC 9110 §7.6.1) and those the gateway sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "expect", "content-length", "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "x-forwarded-prefix", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset");

    /** Methods RFC 9110 calls idempotent: sent again to another instance when the first could not be reached. */
    private static final Set<HttpMethod> REPEATABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** W3C trace context: the gateway's client span sends its own when tracing is on. */
    private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate");

    private static final Set<HttpMethod> BODYLESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    private final Map<String, HttpClient> clients;
    private final GatewayConfig config;

    public ProxyHandler(Map<String, HttpClient> clients, GatewayConfig config) {
        this.clients = clients;
        this.config = config;
    }

    public void forward(RoutingContext ctx, ServiceRoute route, long bodyLimit) {
        HttpServerRequest in = ctx.request();
        long length = contentLength(in);
        if (length == -2) {
            Problems.send(ctx, 400, "malformed-request", "Malformed request", "Content-Length is not a number.");
            return;
        }
        if (length > bodyLimit) {
            // Refused on its declared size: the service never sees it, and the body is never read.
            refuseTooLarge(ctx, bodyLimit);
            return;
        }
        Backend first = route.pick(List.of());
        if (first == null) {
            unavailable(ctx, route, route.secondsUntilTrial());
            return;
        }
        boolean chunked = "chunked".equalsIgnoreCase(in.getHeader(HttpHeaders.TRANSFER_ENCODING));
        // HTTP/2 frames a body without either header: without a length, anything but a read may carry one.
        boolean http2Body = length == -1 && in.version() == HttpVersion.HTTP_2 && !BODYLESS.contains(in.method());
        boolean hasBody = length > 0 || chunked || http2Body;
        send(ctx, route, first, new ArrayList<>(List.of(first)), length, hasBody, bodyLimit);
    }

    /**
     * Sends the request to {@code backend}. Refused there (connection refused or not made within the connect
     * timeout: nothing reached the instance, and the caller's body is still unread in the socket), a request that
     * may be repeated goes to the next instance; so does a body-less one whose connection broke before any answer.
     */
    private void send(RoutingContext ctx, ServiceRoute route, Backend backend, List<Backend> tried, long length,
            boolean hasBody, long bodyLimit) {
        HttpServerRequest in = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(backend.host())
                .setPort(backend.port())
                .setSsl(backend.ssl())
                .setURI(backend.upstreamUri(route.prefix(), in.uri()))
                .setConnectTimeout(config.timeouts().connect().toMillis())
                .setHeaders(requestHeaders(ctx, route));

        clients.get(route.name()).request(options).onComplete(connected -> {
            if (connected.failed()) {
                backend.breaker().onFailure();
                LOG.debugf("%s at %s unreachable: %s", route.name(), backend.origin(), connected.cause().toString());
                if (!failOver(ctx, route, tried, length, hasBody, bodyLimit)) {
                    unavailable(ctx, route, 1);
                }
                return;
            }
            HttpClientRequest out = connected.result();
            ctx.response().closeHandler(closed -> {
                if (!ctx.response().ended()) {
                    out.reset(); // the caller has gone: stop the service's work on its behalf
                }
            });
            if (length >= 0) {
                out.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
            }
            // The answer must start within the timeout once the whole request has been sent; a long upload
            // is not itself a timeout.
            Runnable armTimeout = () -> out.idleTimeout(route.timeout().toMillis());
            Future<HttpClientResponse> answered = out.response();
            if (hasBody) {
                if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
                    ctx.response().writeContinue();
                }
                out.setChunked(length < 0);
                // A body that fails half way (over the limit, or the caller gone) must not reach the service as a
                // shorter but complete one: reset the request instead of ending it.
                Pipe<Buffer> pipe = new LimitedBody(in, bodyLimit, armTimeout).pipe().endOnFailure(false);
                pipe.to(out).onFailure(failure -> {
                    out.reset(0, failure);
                    failed(ctx, route, backend, failure, bodyLimit);
                });
            } else {
                armTimeout.run();
                out.end();
                in.resume();
            }
            answered.onSuccess(response -> relay(ctx, route, backend, response))
                    .onFailure(failure -> {
                        // An instance killed with the request in flight breaks the connection before answering: a
                        // read (nothing to resend) goes to its twin. Never after a timeout: it may still be working.
                        if (!hasBody && !isTimeout(failure) && !ctx.response().headWritten() && !ctx.response().closed()
                                && REPEATABLE.contains(in.method())) {
                            backend.breaker().onFailure();
                            if (failOver(ctx, route, tried, length, false, bodyLimit)) {
                                return;
                            }
                            unavailable(ctx, route, 1);
                            return;
                        }
                        failed(ctx, route, backend, failure, bodyLimit);
                    });
        });
    }

    /** Tries the next instance when the request may be repeated; false when there is none or it may not. */
    private boolean failOver(RoutingContext ctx, ServiceRoute route, List<Backend> tried, long length, boolean hasBody,
            long bodyLimit) {
        HttpServerRequest in = ctx.request();
        boolean repeatable = REPEATABLE.contains(in.method()) || in.getHeader(IDEMPOTENCY_KEY) != null;
        if (!repeatable || ctx.response().closed()) {
            return false;
        }
        Backend next = route.pick(tried);
        if (next == null) {
            return false;
        }
        tried.add(next);
        LOG.debugf("%s: trying the instance at %s", route.name(), next.origin());
        send(ctx, route, next, tried, length, hasBody, bodyLimit);
        return true;
    }

    private static void unavailable(RoutingContext ctx, ServiceRoute route, long retryAfter) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
        Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                "The " + route.title().toLowerCase(Locale.ROOT) + " service is not answering; try again shortly.");
    }

    private void relay(RoutingContext ctx, ServiceRoute route, Backend backend, HttpClientResponse response) {
        int status = response.statusCode();
        if (status == 502 || status == 503 || status == 504) {
            backend.breaker().onFailure();
        } else {
            backend.breaker().onSuccess();
        }
        HttpServerResponse res = ctx.response();
        if (res.closed()) {
            response.request().reset();
            return;
        }
        res.setStatusCode(status);
        response.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("location") || name.equals("content-location")) {
                res.headers().add(header.getKey(), publicLocation(ctx, route, backend, header.getValue()));
            } else if (!NOT_FORWARDED.contains(name) && !name.equals(RequestIdHandler.HEADER.toLowerCase(Locale.ROOT))) {
                res.headers().add(header.getKey(), header.getValue());
            }
        });
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            res.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (status != 204 && status != 304) {
            res.setChunked(true);
        }
        response.pipeTo(res).onFailure(failure -> {
            LOG.debugf("%s answer cut short: %s", route.name(), failure.toString());
            res.reset();
        });
    }

    private void failed(RoutingContext ctx, ServiceRoute route, Backend backend, Throwable failure, long bodyLimit) {
        if (ctx.response().ended()) {
            return; // answered already (the body's failure and the answer's both arrive here)
        }
        if (rootCause(failure) instanceof LimitedBody.TooLarge) {
            backend.breaker().onAbandoned();
            refuseTooLarge(ctx, bodyLimit);
        } else if (ctx.response().closed()) {
            backend.breaker().onAbandoned();
        } else if (isTimeout(failure)) {
            backend.breaker().onFailure();
            Problems.send(ctx, 504, "service-timeout", "Service timed out",
                    "The " + route.title().toLowerCase(Locale.ROOT) + " service did not answer within "
                            + route.timeout().toSeconds() + " s.");
        } else if (failure instanceof ConnectException) {
            backend.breaker().onFailure();
            unavailable(ctx, route, 1);
        } else {
            backend.breaker().onFailure();
            LOG.debugf("%s failed: %s", route.name(), failure.toString());
            Problems.send(ctx, 502, "bad-gateway", "Bad gateway",
                    "The " + route.title().toLowerCase(Locale.ROOT) + " service broke off its answer.");
        }
    }

    private static void refuseTooLarge(RoutingContext ctx, long bodyLimit) {
        // The rest of the body is not wanted: close the connection rather than read it.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.send(ctx, 413, "payload-too-large", "Request body too large",
                "This client may send at most " + bodyLimit + " bytes in one request.");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** -1: no declared length; -2: not a number. */
    private static long contentLength(HttpServerRequest in) {
        String value = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.trim());
            return length < 0 ? -2 : length;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    private MultiMap requestHeaders(RoutingContext ctx, ServiceRoute route) {
        HttpServerRequest in = ctx.request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        // Traced, the forwarded request's client span (a child of this request's span, itself a child of the caller's)
        // adds its own traceparent: the caller's would be a second, contradicting one. Untraced, the caller's passes.
        boolean traced = Span.current().getSpanContext().isValid();
        in.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !(traced && TRACE_CONTEXT.contains(name))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set(RequestIdHandler.HEADER, RequestIdHandler.of(ctx));
        String client = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (client != null) {
            headers.set("X-Forwarded-For", client);
        }
        headers.set("X-Forwarded-Proto", in.scheme());
        String host = in.getHeader(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set("X-Forwarded-Prefix", route.prefix());
        return headers;
    }

    /** A service's own address in a Location header becomes the gateway's public one. */
    private String publicLocation(RoutingContext ctx, ServiceRoute route, Backend backend, String location) {
        String base = publicBase(ctx) + route.prefix();
        String own = backend.origin() + backend.basePath();
        if (location.startsWith(own)) {
            return base + location.substring(own.length());
        }
        try {
            URI uri = URI.create(location);
            if (uri.getHost() != null && (uri.getPort() == backend.port() || uri.getPort() == -1)
                    && (uri.getHost().equals(backend.host()) || uri.getHost().equals("localhost")
                            || uri.getHost().equals("127.0.0.1"))) {
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                if (path.startsWith(backend.basePath())) {
                    path = path.substring(backend.basePath().length());
                }
                return base + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (location.startsWith("/")) {
            return base + location.substring(backend.basePath().length() > 0 && location.startsWith(backend.basePath())
                    ? backend.basePath().length() : 0);
        }
        return location;
    }

    private String publicBase(RoutingContext ctx) {
        if (config.publicUrl().isPresent()) {
            String url = config.publicUrl().get().toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        String host = ctx.request().getHeader(HttpHeaders.HOST);
        return ctx.request().scheme() + "://" + (host == null ? "localhost" : host);
    }
}
