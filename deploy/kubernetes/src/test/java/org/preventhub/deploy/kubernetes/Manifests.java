package org.preventhub.deploy.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Renders the overlays the way an operator applies them: {@code kubectl kustomize}, the Kustomize built into kubectl. */
final class Manifests {

    static final ObjectMapper YAML = new YAMLMapper();
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPO = MODULE.resolve("../..").normalize();
    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static List<ObjectNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> render(MODULE.resolve("overlays").resolve(n)));
    }

    static List<ObjectNode> render(Path kustomization) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = kubectl.getInputStream().readAllBytes();
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomization + " failed");
            }
            return documents(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("these checks render with `kubectl kustomize`: install kubectl (Debian: apt-get install kubectl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> documents(String yaml) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc instanceof ObjectNode object && !object.isEmpty()) {
                    docs.add(object);
                }
            }
        }
        return docs;
    }

    static List<ObjectNode> file(Path path) throws IOException {
        return documents(Files.readString(path));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static ObjectNode named(List<ObjectNode> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String id(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
    }
}
