package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stack as {@code ./hub start} runs it (real Keycloak, PostgreSQL, Kafka, the built services, demo data), the one
 * every integration test shares, and what a newcomer relies on: Keycloak's tokens are accepted by the services, roles
 * are enforced, the demo year is there, and a restart keeps the data. Last of the classes, since it restarts the
 * suite.
 */
@ExtendWith(RunningSuite.Shared.class)
@Order(Integer.MAX_VALUE)
class LocalStackIT {

    @Test
    void theSuiteStartsWithDemoDataAcceptsKeycloakTokensAndKeepsItsDataAcrossARestart(RunningSuite suite) throws Exception {
        String training = "http://localhost:" + suite.service("training-service").port();
        ApiClient api = new ApiClient(new Tokens(suite.config().issuer()));

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

        // Reporting's demo file loads although engagement's minutes put an action arising into the plan first.
        String reporting = "http://localhost:" + suite.service("reporting-service").port();
        JsonNode plan = api.get(reporting + "/actions?size=100", "analyst");
        assertThat(plan.get("items").findValuesAsText("title"))
                .contains("Review opportunities for further community engagement during 2020/21",
                        "Ask the CTU for a quarterly CTLP update to local partners");

        // Roles come from Keycloak's token: an analyst may read but not schedule.
        assertThatThrownBy(() -> api.send("POST", training + "/courses", "analyst", "{}", null))
                .hasMessageContaining("403");
        // No token at all.
        java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(training + "/sessions")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // The other tests have added sessions of their own: all of them are kept, and the demo year not loaded twice.
        int sessions = api.get(training + "/sessions?size=1", "trainer").get("totalItems").asInt();
        assertThat(sessions).isGreaterThanOrEqualTo(107);
        suite.restart();
        ApiClient again = new ApiClient(new Tokens(suite.config().issuer()));
        assertThat(again.get(training + "/sessions?size=1", "trainer").get("totalItems").asInt()).isEqualTo(sessions);
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
