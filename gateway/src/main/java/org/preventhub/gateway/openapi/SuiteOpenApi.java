package org.preventhub.gateway.openapi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.proxy.ServiceRoute;
import org.preventhub.gateway.proxy.Upstreams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The suite's merged OpenAPI document, built from what each service publishes at {@code /q/openapi}. It is
 * kept for a short while; a service that is down keeps its last known document, so partners can still read
 * the whole API while one service restarts.
 */
@ApplicationScoped
public class SuiteOpenApi {

    private static final Logger LOG = Logger.getLogger(SuiteOpenApi.class);

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final OpenApiMerger merger;
    private final ObjectMapper mapper;
    private final String version;
    private final Map<String, JsonNode> lastKnown = new ConcurrentHashMap<>();
    private final List<OpenApiMerger.Server> servers;
    private volatile String cached;
    private volatile Instant cachedAt = Instant.MIN;

    public SuiteOpenApi(Upstreams upstreams, GatewayConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "hub.api.version") String version,
            @ConfigProperty(name = "quarkus.http.cors.origins", defaultValue = "") List<String> corsOrigins) {
        this.upstreams = upstreams;
        this.config = config;
        this.mapper = mapper;
        this.merger = OpenApiMerger.forGateway(mapper, config, corsOrigins.stream().filter(o -> !o.isBlank()).toList());
        this.servers = OpenApiMerger.servers(config.publicUrl());
        this.version = version;
    }

    /** The merged document as JSON. */
    public Future<String> document() {
        String current = cached;
        if (current != null && Instant.now().isBefore(cachedAt.plus(config.openapiCacheFor()))) {
            return Future.succeededFuture(current);
        }
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (ServiceRoute route : upstreams.routes()) {
            fetches.add(fetch(route));
        }
        return Future.join(fetches).transform(ignored -> {
            Map<ServiceRoute, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            boolean complete = true;
            for (int i = 0; i < fetches.size(); i++) {
                ServiceRoute route = upstreams.routes().get(i);
                JsonNode doc = fetches.get(i).succeeded() ? fetches.get(i).result() : lastKnown.get(route.name());
                complete &= fetches.get(i).succeeded();
                if (doc == null) {
                    missing.add(route.name());
                } else {
                    documents.put(route, doc);
                }
            }
            try {
                String json = mapper.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(merger.merge(documents, missing, servers, version));
                if (complete) {
                    cached = json;
                    cachedAt = Instant.now();
                }
                return Future.succeededFuture(json);
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Future<JsonNode> fetch(ServiceRoute route) {
        return upstreams.get(route, "/q/openapi?format=json", Duration.ofSeconds(5)).compose(reply -> {
            if (reply.status() != 200) {
                return Future.failedFuture(route.name() + " answered " + reply.status());
            }
            try {
                JsonNode doc = mapper.readTree(reply.body().getBytes());
                lastKnown.put(route.name(), doc);
                return Future.succeededFuture(doc);
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }).onFailure(e -> LOG.debugf("No OpenAPI document from %s: %s", route.name(), e.toString()));
    }
}
