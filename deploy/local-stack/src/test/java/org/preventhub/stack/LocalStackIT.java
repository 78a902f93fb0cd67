package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.infra.FreePorts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Starts the stack as {@code ./hub start} does (real Keycloak, PostgreSQL, Kafka, the built services, demo data),
 * on free ports and in a throw-away state folder, and checks what a newcomer relies on: Keycloak's tokens are
 * accepted by the services, roles are enforced, the demo year is there, and a restart keeps the data.
 */
class LocalStackIT {

    private static final Path ROOT = Path.of(System.getProperty("prevent-hub.root", "../..")).toAbsolutePath().normalize();

    @Test
    void theSuiteStartsWithDemoDataAcceptsKeycloakTokensAndKeepsItsDataAcrossARestart() throws Exception {
        Path state = Files.createTempDirectory(ROOT.resolve("deploy/local-stack/target"), "stack-it-");
        List<ServiceDefinition> services = ServiceDefinition.ALL.stream()
                .map(service -> service.withPorts(FreePorts.next(), FreePorts.next())).toList();
        StackConfig config = new StackConfig(ROOT, state, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), services, true);
        String training = "http://localhost:" + services.get(0).port();

        try (LocalStack stack = LocalStack.start(config)) {
            assertThat(stack.running()).extracting(ServiceDefinition::name).contains("training-service");
            ApiClient api = new ApiClient(new Tokens(config.issuer()));

            JsonNode wrap = api.get(training + "/sessions?courseCode=WRAP&from=2019-09-01&to=2020-08-31", "analyst");
            assertThat(wrap.get("totalItems").asInt()).isEqualTo(5);
            JsonNode online = api.get(training + "/sessions?courseCode=PREVENT-UPDATE&mode=ONLINE&from=2019-09-01&to=2020-08-31", "analyst");
            assertThat(online.get("totalItems").asInt()).isEqualTo(41);
            JsonNode courses = api.get(training + "/courses", "booking");
            assertThat(courses.size()).isEqualTo(5);
            // The seed report's figures come out of the service: people trained and the 95% target.
            assertThat(attendedInYear(api, training, courses, "WRAP")).isEqualTo(60);
            assertThat(attendedInYear(api, training, courses, "PREVENT-UPDATE")).isEqualTo(1_306 + 494);
            assertThat(attendedInYear(api, training, courses, "ONLINE-GROOMING")).isEqualTo(240);
            JsonNode update = api.get(training + "/courses/" + id(courses, "PREVENT-UPDATE")
                    + "/evaluation-summary?from=2019-09-01&to=2020-08-31", "analyst");
            assertThat(update.get("meetsTarget").asBoolean()).isTrue();

            // Roles come from Keycloak's token: an analyst may read but not schedule.
            assertThatThrownBy(() -> api.send("POST", training + "/courses", "analyst", "{}", null))
                    .hasMessageContaining("403");
            // No token at all.
            java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(training + "/sessions")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        try (LocalStack again = LocalStack.start(config)) {
            ApiClient api = new ApiClient(new Tokens(config.issuer()));
            JsonNode all = api.get(training + "/sessions?size=1", "trainer");
            assertThat(all.get("totalItems").asInt()).isEqualTo(107); // kept, not loaded twice
        }
    }

    private static int attendedInYear(ApiClient api, String training, JsonNode courses, String code) {
        return api.get(training + "/courses/" + id(courses, code) + "/evaluation-summary?from=2019-09-01&to=2020-08-31",
                "analyst").get("attended").asInt();
    }

    private static String id(JsonNode courses, String code) {
        for (JsonNode course : courses) {
            if (course.get("code").asText().equals(code)) {
                return course.get("id").asText();
            }
        }
        throw new AssertionError("No course " + code);
    }
}
