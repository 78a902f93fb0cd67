package org.preventhub.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.deploy.kubernetes.Manifests.id;
import static org.preventhub.deploy.kubernetes.Manifests.named;
import static org.preventhub.deploy.kubernetes.Manifests.ofKind;
import static org.preventhub.deploy.kubernetes.Manifests.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestsTest {

    static ResourceModels models;

    @BeforeAll
    static void loadSchemas() throws IOException {
        models = new ResourceModels(Manifests.MODULE.resolve("crds"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "demo", "production" })
    void everyRenderedResourceMatchesItsModelWithNoUnknownField(String overlay) {
        List<ObjectNode> docs = overlay(overlay);
        assertThat(docs).hasSizeGreaterThan(50);
        List<String> problems = new ArrayList<>();
        for (ObjectNode doc : docs) {
            models.problems(doc).forEach(p -> problems.add(id(doc) + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theRecoveryExampleMatchesTheClusterSchema() throws IOException {
        for (ObjectNode doc : Manifests.file(Manifests.MODULE.resolve("recovery/referral-db-point-in-time.yaml"))) {
            assertThat(models.problems(doc)).as(id(doc)).isEmpty();
        }
    }

    @Test
    void refusesUnknownFieldsInBuiltInAndCustomResources() throws IOException {
        ObjectNode deployment = named(overlay("demo"), "Deployment", "gateway").deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .put("readinessprobe", "typo");
        assertThat(models.problems(deployment)).singleElement().asString().contains("readinessprobe");

        ObjectNode topic = named(overlay("demo"), "KafkaTopic", "training.events").deepCopy();
        ((ObjectNode) topic.path("spec")).put("retention", -1);
        assertThat(models.problems(topic)).singleElement().asString().contains("retention");

        ObjectNode cluster = named(overlay("demo"), "Cluster", "referral-db").deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instances", "three");
        assertThat(models.problems(cluster)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "demo", "production" })
    void everyDeploymentHasProbesResourcesAndRunsAsNonRootOnAReadOnlyFilesystem(String overlay) {
        List<ObjectNode> deployments = ofKind(overlay(overlay), "Deployment");
        assertThat(deployments).hasSize(5);
        for (ObjectNode d : deployments) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(id(d)).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(id(d)).isPositive();
            for (JsonNode c : pod.path("containers")) {
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    JsonNode get = c.path(probe).path("httpGet");
                    assertThat(get.path("path").asText()).as(id(d) + " " + probe).startsWith("/q/health/");
                    // Health is served on the management port only.
                    assertThat(get.path("port").asText()).as(id(d) + " " + probe).isEqualTo("management");
                }
                assertThat(c.path("resources").path("requests").path("cpu").asText()).as(id(d)).isNotEmpty();
                assertThat(c.path("resources").path("requests").path("memory").asText()).as(id(d)).isNotEmpty();
                assertThat(c.path("resources").path("limits").path("memory").asText()).as(id(d)).isNotEmpty();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(id(d)).isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(id(d)).isFalse();
                assertThat(sc.path("capabilities").path("drop").toString()).as(id(d)).contains("ALL");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "demo", "production" })
    void noSecretIsCommittedAndEveryReferencedSecretIsNamedInTheReadme(String overlay) throws IOException {
        List<ObjectNode> docs = overlay(overlay);
        assertThat(ofKind(docs, "Secret")).isEmpty();
        String readme = Files.readString(Manifests.REPO.resolve("README.md"));
        Set<String> referenced = new TreeSet<>();
        docs.forEach(d -> secretNames(d, referenced));
        assertThat(referenced).contains("referral-service-secrets", "training-service-secrets",
                "engagement-service-secrets", "backup-object-store");
        assertThat(referenced).allSatisfy(name -> assertThat(readme).as("README names secret " + name).contains("`" + name + "`"));
    }

    @Test
    void noFileInTheModuleDeclaresASecretWithData() throws IOException {
        try (Stream<Path> files = Files.walk(Manifests.MODULE)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml") && !p.startsWith(Manifests.MODULE.resolve("crds"))
                    && !p.startsWith(Manifests.MODULE.resolve("target"))).toList()) {
                for (ObjectNode doc : Manifests.file(f)) {
                    assertThat(doc.path("kind").asText()).as(f.toString()).isNotEqualTo("Secret");
                }
            }
        }
    }

    @Test
    void eachServiceGetsOnlyItsOwnSecrets() {
        for (ObjectNode d : ofKind(overlay("production"), "Deployment")) {
            String service = d.path("metadata").path("name").asText();
            Set<String> names = new TreeSet<>();
            secretNames(d, names);
            String db = service.replace("-service", "-db-app");
            assertThat(names).as(service).allMatch(n -> n.equals(service) || n.equals(service + "-secrets") || n.equals(db));
        }
    }

    private static void secretNames(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            for (String ref : List.of("secretKeyRef", "secretRef", "passwordSecret", "usernameSecret", "secret")) {
                if (node.path(ref).path("name").isTextual()) {
                    into.add(node.path(ref).path("name").asText());
                }
            }
            for (String field : List.of("accessKeyId", "secretAccessKey")) {
                if (node.path(field).path("name").isTextual()) {
                    into.add(node.path(field).path("name").asText());
                }
            }
        }
        node.forEach(child -> secretNames(child, into));
    }
}
