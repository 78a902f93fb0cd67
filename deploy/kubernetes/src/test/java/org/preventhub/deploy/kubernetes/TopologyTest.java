package org.preventhub.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.deploy.kubernetes.Manifests.named;
import static org.preventhub.deploy.kubernetes.Manifests.ofKind;
import static org.preventhub.deploy.kubernetes.Manifests.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the manifests promise beyond their types: who may write which topic, who reaches which database, the realm. */
class TopologyTest {

    static final List<String> SERVICES = List.of("training-service", "referral-service", "engagement-service",
            "reporting-service", "gateway");

    @Test
    void productionRunsThreeBrokersAndReplicatesEveryTopicThreeTimes() {
        List<ObjectNode> docs = overlay("production");
        int brokers = 0;
        for (ObjectNode pool : ofKind(docs, "KafkaNodePool")) {
            if (pool.path("spec").path("roles").toString().contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
        }
        assertThat(brokers).isEqualTo(3);
        assertThat(named(docs, "Kafka", "prevent-hub").path("spec").path("kafka").path("config").path("min.insync.replicas").asInt())
                .isEqualTo(2);
        assertThat(ofKind(docs, "KafkaTopic")).allSatisfy(t -> assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(3));
        assertThat(ofKind(docs, "Cluster")).allSatisfy(c -> assertThat(c.path("spec").path("instances").asInt()).isEqualTo(3));
    }

    @ParameterizedTest
    @ValueSource(strings = { "demo", "production" })
    void theEventTopicsKeepEveryEventAndTheDeadLetterTopicExists(String overlay) {
        List<ObjectNode> docs = overlay(overlay);
        for (String topic : List.of("training.events", "referral.events", "engagement.events")) {
            JsonNode config = named(docs, "KafkaTopic", topic).path("spec").path("config");
            assertThat(config.path("retention.ms").asLong()).as(topic).isEqualTo(-1);
            assertThat(config.path("retention.bytes").asLong()).as(topic).isEqualTo(-1);
        }
        assertThat(named(docs, "KafkaTopic", "reporting.dead-letter")).isNotNull();
    }

    @Test
    void eachServiceWritesOnlyItsOwnTopicAndReportingReadsAllThreeAndEngagementTrainings() {
        Map<String, Set<String>> writes = new HashMap<>();
        Map<String, Set<String>> reads = new HashMap<>();
        for (ObjectNode user : ofKind(overlay("production"), "KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (!"topic".equals(resource.path("type").asText())) {
                    continue;
                }
                assertThat(resource.path("patternType").asText()).as(name + " topic ACLs name one topic").isEqualTo("literal");
                String ops = acl.path("operations").toString();
                if (ops.contains("Write") || ops.contains("All")) {
                    writes.computeIfAbsent(name, k -> new TreeSet<>()).add(resource.path("name").asText());
                }
                if (ops.contains("Read")) {
                    reads.computeIfAbsent(name, k -> new TreeSet<>()).add(resource.path("name").asText());
                }
            }
        }
        assertThat(writes).containsOnly(Map.entry("training-service", Set.of("training.events")),
                Map.entry("referral-service", Set.of("referral.events")),
                Map.entry("engagement-service", Set.of("engagement.events")),
                Map.entry("reporting-service", Set.of("reporting.dead-letter")));
        assertThat(reads).containsOnly(
                Map.entry("reporting-service", Set.of("training.events", "referral.events", "engagement.events")),
                Map.entry("engagement-service", Set.of("training.events")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "demo", "production" })
    void eachDatabaseIsReachableOnlyFromItsOwnServiceAndOnlyTheGatewayFromOutside(String overlay) {
        List<ObjectNode> policies = ofKind(overlay(overlay), "NetworkPolicy");
        ObjectNode denyAll = named(overlay(overlay), "NetworkPolicy", "default-deny-ingress");
        assertThat(denyAll.path("spec").path("podSelector").isEmpty()).isTrue();
        Map<String, Set<String>> postgresClients = new HashMap<>();
        Set<String> reachableFromIngress = new TreeSet<>();
        for (ObjectNode policy : policies) {
            JsonNode spec = policy.path("spec");
            String target = spec.path("podSelector").path("matchLabels").toString();
            for (JsonNode rule : spec.path("ingress")) {
                boolean postgresPort = rule.path("ports").toString().contains("5432");
                for (JsonNode peer : rule.path("from")) {
                    if (postgresPort && peer.has("podSelector")) {
                        postgresClients.computeIfAbsent(target, k -> new TreeSet<>()).add(peer.path("podSelector").toString());
                    }
                    assertThat(peer.has("ipBlock")).as("no policy opens a pod to addresses").isFalse();
                    if (peer.path("namespaceSelector").toString().contains("ingress-nginx")) {
                        reachableFromIngress.add(target);
                    }
                }
            }
        }
        for (String db : List.of("training", "referral", "engagement", "reporting")) {
            assertThat(postgresClients.get("{\"cnpg.io/cluster\":\"" + db + "-db\"}")).as(db + " database clients")
                    .containsExactlyInAnyOrder("{\"matchLabels\":{\"app.kubernetes.io/name\":\"" + db + "-service\"}}",
                            "{\"matchLabels\":{\"cnpg.io/cluster\":\"" + db + "-db\"}}");
        }
        // Keycloak serves the login pages and tokens: the identity provider is the one other public address.
        assertThat(reachableFromIngress).containsExactlyInAnyOrder("{\"app.kubernetes.io/name\":\"gateway\"}", "{\"app\":\"keycloak\"}");
        assertThat(ofKind(overlay(overlay), "Ingress")).singleElement()
                .satisfies(i -> assertThat(i.path("spec").path("rules").get(0).path("http").path("paths").get(0)
                        .path("backend").path("service").path("name").asText()).isEqualTo("gateway"));
    }

    @Test
    void theRealmImportIsTheRepositorysRealm() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Manifests.REPO.resolve("deploy/keycloak/prevent-hub-realm.json").toFile());
        assertThat(named(overlay("demo"), "KeycloakRealmImport", "prevent-hub").path("spec").path("realm")).isEqualTo(realm);
    }

    @Test
    void theProductionRealmHasNoDemoUsersNoClientSecretsAndNoPasswordGrant() {
        JsonNode realm = named(overlay("production"), "KeycloakRealmImport", "prevent-hub").path("spec").path("realm");
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.path("clients")).hasSize(7).allSatisfy(client -> {
            assertThat(client.has("secret")).as(client.path("clientId").asText()).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(client.path("clientId").asText()).isFalse();
        });
        assertThat(realm.path("roles").path("realm")).isNotEmpty();
    }

    @Test
    void eachImageRunsAsTheDeploymentsUserAndExposesTheConfiguredPorts() throws IOException {
        List<ObjectNode> deployments = ofKind(overlay("production"), "Deployment");
        for (String service : SERVICES) {
            Path module = Manifests.REPO.resolve(service);
            String dockerfile = Files.readString(module.resolve("src/main/docker/Dockerfile.jvm"));
            String properties = Files.readString(module.resolve("src/main/resources/application.properties"));
            JsonNode pod = named(deployments, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);

            assertThat(line(dockerfile, "FROM")).as(service).doesNotEndWith(":latest").contains(":");
            String user = line(dockerfile, "USER");
            assertThat(user).as(service + " runs as a numeric, non-root user").matches("[1-9][0-9]*");
            assertThat(pod.path("securityContext").path("runAsUser").asText()).isEqualTo(user);
            assertThat(line(dockerfile, "ENTRYPOINT")).as(service).contains("run-java.sh");

            String http = property(properties, "quarkus.http.port");
            String management = property(properties, "quarkus.management.port");
            assertThat(line(dockerfile, "EXPOSE").split(" ")).as(service).containsExactly(http, management);
            assertThat(port(container, "http")).as(service).isEqualTo(http);
            assertThat(port(container, "management")).as(service).isEqualTo(management);
            assertThat(container.path("image").asText()).as(service).endsWith("/" + service + ":0.1.0");
        }
    }

    @Test
    void alertsAndDashboardUseOnlyMetricsTheServicesRegister() throws IOException {
        String rules = Files.readString(Manifests.MODULE.resolve("base/monitoring/alert-rules.yaml"));
        String dashboard = Files.readString(Manifests.MODULE.resolve("base/monitoring/grafana-dashboard.json"));
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\b((?:outbox|reporting)_[a-z_]+)").matcher(rules + dashboard);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).contains("outbox_events_pending", "outbox_backlog_age_seconds", "outbox_publish_lag_seconds",
                "reporting_events_dead_lettered_total");
        String sources = mainSources();
        for (String metric : used) {
            // Micrometer's Prometheus names: dots become underscores, timers gain _seconds, counters _total.
            String meter = metric.replaceAll("_(total|seconds|max)$", "").replaceAll("_seconds$", "");
            Pattern registered = Pattern.compile("\"" + meter.replace("_", "[._-]") + "\"");
            assertThat(registered.matcher(sources).find()).as(metric + " is registered in some service").isTrue();
        }
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("platform", "training-service", "referral-service", "engagement-service",
                "reporting-service", "gateway")) {
            try (Stream<Path> files = Files.walk(Manifests.REPO.resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(f));
                }
            }
        }
        return all.toString();
    }

    private static String line(String dockerfile, String instruction) {
        List<String> found = new ArrayList<>();
        for (String l : dockerfile.split("\n")) {
            if (l.startsWith(instruction + " ")) {
                found.add(l.substring(instruction.length() + 1).trim());
            }
        }
        assertThat(found).as(instruction).hasSize(1);
        return found.get(0);
    }

    private static String property(String properties, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(\\S+)$").matcher(properties);
        assertThat(m.find()).as(key).isTrue();
        return m.group(1);
    }

    private static String port(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asText();
            }
        }
        throw new AssertionError("no port " + name);
    }
}
