package org.preventhub.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.preventhub.gateway.proxy.ServiceRoute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One OpenAPI document for the suite, made of the services' own: each path under its public prefix, each tag
 * named for its service ("Training · Sessions"), components shared where two services define the same thing and
 * renamed (with every {@code $ref} to them) where they define different things under one name, operation ids
 * made unique. A partner generates one client from it.
 */
public final class OpenApiMerger {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * A server of the suite's document: OWASP's API inventory asks each to say for whom ({@code x-internal}) and
     * for which environment (in its description) it is.
     */
    public record Server(String url, String description, boolean internal) {
    }

    private final ObjectMapper mapper;
    private final GatewayResponses gateway;

    /** A merger that also documents what the gateway does to every answer, within these bounds. */
    OpenApiMerger(ObjectMapper mapper, GatewayResponses.Bounds bounds) {
        this.mapper = mapper;
        this.gateway = bounds == null ? null : new GatewayResponses(bounds);
    }

    public OpenApiMerger(ObjectMapper mapper) {
        this(mapper, null);
    }

    /** The merger the gateway uses: its rate limits, circuit breaker and CORS origins documented on every operation. */
    public static OpenApiMerger forGateway(ObjectMapper mapper, org.preventhub.gateway.config.GatewayConfig config,
            List<String> corsOrigins) {
        return new OpenApiMerger(mapper, GatewayResponses.Bounds.of(config, corsOrigins));
    }

    /**
     * The suite's servers: its public address when one is configured (production), else the address the document
     * was read from, as a relative URL, so a reader on the local stack (http://localhost:8080) is pointed back at
     * it without the document naming a plain-http server.
     */
    public static List<Server> servers(java.util.Optional<java.net.URI> publicUrl) {
        return publicUrl.map(url -> List.of(new Server(url.toString(),
                "Production: the partnership's gateway at its public address (`GATEWAY_PUBLIC_URL`).", false)))
                .orElse(List.of(new Server("/", "This gateway, at the address this document was read from: the local "
                        + "stack's http://localhost:8080, or a test or staging gateway without `GATEWAY_PUBLIC_URL`.", false)));
    }

    /**
     * @param documents each service's document, in the order the services are listed
     * @param missing services whose document could not be fetched; named in {@code x-unavailable-services}
     */
    public ObjectNode merge(Map<ServiceRoute, JsonNode> documents, List<String> missing, List<Server> servers,
            String version) {
        ObjectNode suite = mapper.createObjectNode();
        String openapi = documents.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.1.0");
        suite.put("openapi", openapi);
        ObjectNode info = suite.putObject("info");
        info.put("title", "Prevent Hub API");
        info.put("version", version);
        info.put("description", "The whole Prevent Hub suite through its gateway: training, Channel referrals, "
                + "engagement and reporting. Every operation needs a bearer token from the partnership's identity "
                + "provider; roles decide what each caller may do. Errors are RFC 9457 problem documents.");
        ArrayNode serverList = suite.putArray("servers");
        for (Server server : servers) {
            serverList.addObject().put("url", server.url()).put("description", server.description())
                    .put("x-internal", server.internal());
        }
        ArrayNode tags = suite.putArray("tags");
        ObjectNode paths = suite.putObject("paths");
        ObjectNode components = suite.putObject("components");
        Set<String> operationIds = new HashSet<>();

        for (Map.Entry<ServiceRoute, JsonNode> entry : documents.entrySet()) {
            ServiceRoute route = entry.getKey();
            ObjectNode doc = entry.getValue().deepCopy();
            renameClashingComponents(doc, components, route);
            mergeComponents(doc, components);
            for (JsonNode tag : doc.path("tags")) {
                ObjectNode copy = tag.deepCopy();
                copy.put("name", tagName(route, tag.path("name").asText()));
                tags.add(copy);
            }
            Iterator<Map.Entry<String, JsonNode>> docPaths = doc.path("paths").fields();
            while (docPaths.hasNext()) {
                Map.Entry<String, JsonNode> path = docPaths.next();
                if (path.getKey().startsWith("/q/")) {
                    continue; // operators' endpoints are not routed by the gateway
                }
                ObjectNode item = (ObjectNode) path.getValue();
                for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey()) || !(op.getValue() instanceof ObjectNode operation)) {
                        continue;
                    }
                    retag(operation, route);
                    String id = operation.path("operationId").asText(null);
                    if (id != null && !operationIds.add(id)) {
                        operation.put("operationId", route.name() + "_" + id);
                        operationIds.add(route.name() + "_" + id);
                    }
                }
                paths.set(route.prefix() + (path.getKey().equals("/") ? "" : path.getKey()), item);
            }
        }
        if (gateway != null) {
            gateway.document(suite);
        }
        if (!missing.isEmpty()) {
            ArrayNode unavailable = suite.putArray("x-unavailable-services");
            missing.forEach(unavailable::add);
        }
        return suite;
    }

    private static String tagName(ServiceRoute route, String tag) {
        return route.title() + " · " + tag;
    }

    private static void retag(ObjectNode operation, ServiceRoute route) {
        ArrayNode retagged = operation.arrayNode();
        JsonNode tags = operation.path("tags");
        if (tags.isArray() && !tags.isEmpty()) {
            tags.forEach(t -> retagged.add(tagName(route, t.asText())));
        } else {
            retagged.add(route.title());
        }
        operation.set("tags", retagged);
    }

    /** Gives a service's component a service-specific name wherever the suite already has a different one. */
    private void renameClashingComponents(ObjectNode doc, ObjectNode suiteComponents, ServiceRoute route) {
        // Renaming one component changes the components that refer to it: repeat until nothing new clashes.
        for (int round = 0; round < 10; round++) {
            Map<String, String> renames = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> kinds = doc.path("components").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                JsonNode existingKind = suiteComponents.path(kind.getKey());
                Iterator<Map.Entry<String, JsonNode>> named = kind.getValue().fields();
                while (named.hasNext()) {
                    Map.Entry<String, JsonNode> component = named.next();
                    JsonNode existing = existingKind.get(component.getKey());
                    if (existing != null && !existing.equals(component.getValue())) {
                        String renamed = uniqueName(route.title() + component.getKey(), kind.getValue(), existingKind);
                        renames.put("#/components/" + kind.getKey() + "/" + component.getKey(),
                                "#/components/" + kind.getKey() + "/" + renamed);
                    }
                }
            }
            if (renames.isEmpty()) {
                return;
            }
            for (Map.Entry<String, String> rename : renames.entrySet()) {
                String[] from = rename.getKey().split("/");
                String[] to = rename.getValue().split("/");
                ObjectNode kind = (ObjectNode) doc.path("components").path(from[2]);
                JsonNode value = kind.remove(from[3]);
                kind.set(to[3], value);
            }
            rewriteRefs(doc, renames);
        }
    }

    private static String uniqueName(String candidate, JsonNode own, JsonNode suite) {
        String name = candidate;
        for (int i = 2; own.has(name) || suite.has(name); i++) {
            name = candidate + i;
        }
        return name;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static void mergeComponents(ObjectNode doc, ObjectNode suiteComponents) {
        Iterator<Map.Entry<String, JsonNode>> kinds = doc.path("components").fields();
        while (kinds.hasNext()) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            ObjectNode target = suiteComponents.has(kind.getKey()) ? (ObjectNode) suiteComponents.get(kind.getKey())
                    : suiteComponents.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(c -> {
                if (!target.has(c.getKey())) {
                    target.set(c.getKey(), c.getValue());
                }
            });
        }
        sortKeys(suiteComponents);
    }

    private static void sortKeys(ObjectNode components) {
        components.fields().forEachRemaining(kind -> {
            if (kind.getValue() instanceof ObjectNode named) {
                Map<String, JsonNode> sorted = new LinkedHashMap<>();
                new TreeSet<>(iterableNames(named)).forEach(n -> sorted.put(n, named.get(n)));
                named.removeAll();
                named.setAll(sorted);
            }
        });
    }

    private static List<String> iterableNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
