package org.preventhub.gateway;

import java.util.concurrent.TimeUnit;

import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.health.ServicesHealth;
import org.preventhub.gateway.limit.RateLimiter;
import org.preventhub.gateway.openapi.SuiteOpenApi;
import org.preventhub.gateway.proxy.ProxyHandler;
import org.preventhub.gateway.proxy.ServiceRoute;
import org.preventhub.gateway.proxy.Upstreams;
import org.preventhub.gateway.security.FrontDoor;
import org.preventhub.gateway.web.Problems;
import org.preventhub.gateway.web.RequestIdHandler;
import org.preventhub.gateway.web.SecurityHeadersHandler;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's routes: {@code /api/<service>/**} to each service through the front door, the suite's OpenAPI
 * document at {@code /api/openapi.json}, the services' health at {@code /api/health}, and a problem document for
 * anything else. Request ids and security headers apply to every response.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final String SWAGGER_UI = "/q/swagger-ui";

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final SuiteOpenApi openApi;
    private final ServicesHealth health;
    private final RateLimiter rateLimiter;
    private final FrontDoor frontDoor;

    public GatewayRoutes(GatewayConfig config, Upstreams upstreams, SuiteOpenApi openApi, ServicesHealth health,
            Vertx vertx) {
        this.config = config;
        this.upstreams = upstreams;
        this.openApi = openApi;
        this.health = health;
        this.rateLimiter = new RateLimiter(config.rateLimits());
        this.frontDoor = new FrontDoor(config, rateLimiter, new ProxyHandler(upstreams.clients(), config));
        vertx.setPeriodic(TimeUnit.MINUTES.toMillis(1), id -> rateLimiter.forgetIdle(System.nanoTime()));
    }

    void filters(@Observes Filters filters) {
        // Filters run before every route, Quarkus's own (health, Swagger UI) included.
        filters.register(new RequestIdHandler(), 1_000);
        filters.register(new SecurityHeadersHandler(), 999);
        // Of Quarkus's own endpoints only Swagger UI is public; health and metrics live on the management port.
        filters.register(ctx -> {
            String path = ctx.request().path();
            if (path.startsWith("/q/") && !path.startsWith(SWAGGER_UI)) {
                notFound(ctx);
            } else {
                ctx.next();
            }
        }, 998);
    }

    void routes(@Observes Router router) {
        router.get("/api/openapi.json").handler(this::openApiDocument);
        router.get("/api/health").handler(this::servicesHealth);
        router.route("/api/openapi.json").handler(GatewayRoutes::methodNotAllowed);
        router.route("/api/health").handler(GatewayRoutes::methodNotAllowed);
        router.get("/").handler(ctx -> ctx.redirect(SWAGGER_UI));
        for (ServiceRoute route : upstreams.routes()) {
            router.route(route.prefix()).handler(ctx -> frontDoor.handle(ctx, route));
            router.route(route.prefix() + "/*").handler(ctx -> frontDoor.handle(ctx, route));
        }
        // Whatever no route takes (another case, a path outside /api, an operator's endpoint, which lives on the
        // management port) is a problem document like every other answer, never a framework's HTML page.
        router.route().last().handler(GatewayRoutes::notFound);
        router.errorHandler(404, GatewayRoutes::notFound);
        router.errorHandler(405, GatewayRoutes::methodNotAllowed);
    }

    private static void methodNotAllowed(RoutingContext ctx) {
        Problems.send(ctx, 405, "method-not-allowed", "Method not allowed",
                "This path does not take " + ctx.request().method().name() + "; see /api/openapi.json.");
    }

    private static void notFound(RoutingContext ctx) {
        Problems.send(ctx, 404, "not-found", "Not found", "Nothing answers this path; see /api/openapi.json.");
    }

    private void openApiDocument(RoutingContext ctx) {
        openApi.document().onComplete(result -> {
            if (result.succeeded()) {
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                        .end(result.result());
            } else {
                Problems.send(ctx, 503, "service-unavailable", "OpenAPI document unavailable",
                        "No service published its OpenAPI document; try again shortly.");
            }
        });
    }

    private void servicesHealth(RoutingContext ctx) {
        health.check().onComplete(result -> {
            var summary = ServicesHealth.summary(result.result());
            ctx.response().setStatusCode(summary.getString("status").equals("UP") ? 200 : 503)
                    .putHeader("Content-Type", "application/json").end(summary.encode());
        });
    }
}
