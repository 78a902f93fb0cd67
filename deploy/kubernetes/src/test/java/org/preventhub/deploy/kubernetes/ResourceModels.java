package org.preventhub.deploy.kubernetes;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Checks a resource against its type: the fabric8 model for Kubernetes' own kinds, the operator's CRD schema (kept in
 * {@code crds/}) for custom resources. Unknown fields are errors in both, as {@code kubectl apply --validate=strict}
 * would make them: fabric8 keeps them in {@code additionalProperties}, and the CRD schemas get
 * {@code additionalProperties: false} wherever they list properties and do not preserve unknown fields.
 */
final class ResourceModels {

    /** fabric8 8 models are Jackson 3 beans; the manifests are read with Jackson 2 (the YAML and schema libraries). */
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/Namespace", Namespace.class, "v1/ConfigMap", ConfigMap.class, "v1/Service", Service.class,
            "v1/Secret", Secret.class, "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class, "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private final Map<String, JsonSchema> crdSchemas = new HashMap<>();

    ResourceModels(Path crdDirectory) throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(crdDirectory, "*.y*ml")) {
            for (Path file : files) {
                for (ObjectNode crd : Manifests.file(file)) {
                    if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        continue;
                    }
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (version.path("served").asBoolean()) {
                            ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema").deepCopy();
                            // The API server accepts these on every object; some generated CRDs leave them out.
                            ObjectNode properties = schema.with("properties");
                            properties.putIfAbsent("apiVersion", schema.objectNode().put("type", "string"));
                            properties.putIfAbsent("kind", schema.objectNode().put("type", "string"));
                            properties.putIfAbsent("metadata", schema.objectNode().put("type", "object"));
                            closed(schema);
                            crdSchemas.put(group + "/" + version.path("name").asText() + "/" + kind, factory.getSchema(schema));
                        }
                    }
                }
            }
        }
    }

    /** The problems of one resource; empty when it is valid. */
    List<String> problems(ObjectNode resource) {
        String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
        Class<?> model = BUILT_IN.get(type);
        if (model != null) {
            return typedProblems(resource, model);
        }
        JsonSchema schema = crdSchemas.get(type);
        if (schema == null) {
            return List.of("no model and no CRD schema for " + type);
        }
        return schema.validate(resource).stream().map(Object::toString).toList();
    }

    private static List<String> typedProblems(ObjectNode resource, Class<?> model) {
        try {
            Object typed = JSON.readValue(resource.toString(), model);
            List<String> unknown = new ArrayList<>();
            unknownFields(typed, "$", unknown);
            return unknown;
        } catch (tools.jackson.core.JacksonException e) {
            return List.of(e.getOriginalMessage());
        }
    }

    /** fabric8 models accept any field into additionalProperties: walk the model and report what landed there. */
    private static void unknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(k -> unknown.add(path + "." + k + ": unknown field"));
                    }
                } else {
                    unknownFields(value, path + "." + field(getter.getName()), unknown);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String field(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    /** A structural schema prunes unknown fields; closing its objects makes them errors instead. */
    static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext();) {
                closed(it.next());
            }
        } else if (schema != null && schema.isArray()) {
            schema.forEach(ResourceModels::closed);
        }
        return schema;
    }
}
