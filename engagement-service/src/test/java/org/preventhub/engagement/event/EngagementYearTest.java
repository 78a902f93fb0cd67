package org.preventhub.engagement.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.engagement.support.EngagementApi.as;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.JsonBodies;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The seed report's engagement year, entered through the API from the local stack's demo data file. */
@QuarkusTest
class EngagementYearTest {

    private static final Pattern REF = Pattern.compile("\\$\\{([a-z0-9]+)}");

    @Test
    void theReportsEngagementYearGoesInThroughTheApiAndEachRecordsEventsReachKafkaOnce() throws IOException {
        JsonNode plan = JsonBodies.MAPPER.readTree(Files.readString(Path.of("../deploy/demo-data/engagement-service.json")));
        Map<String, String> refs = new HashMap<>();
        for (JsonNode step : plan.get("steps")) {
            String path = resolve(step.get("path").asText(), refs);
            String body = resolve(step.get("body").toString(), refs);
            String id = as(step.get("as").asText()).body(body).post(path).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                    .extract().path("id");
            if (step.has("ref")) {
                refs.put(step.get("ref").asText(), id);
            }
        }

        JsonPath together = as(Roles.ANALYST).queryParam("from", "2019-09-01").queryParam("to", "2020-08-31")
                .queryParam("size", 100).get("/events").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> wst = together.getList("items.findAll { it.title.startsWith('We Stand Together') }");
        assertThat(wst).hasSize(3);
        assertThat(wst.stream().mapToInt(e -> (Integer) e.get("attendance")).sum()).isEqualTo(147);
        Map<String, Object> gameOn = together.getMap("items.find { it.title.startsWith('Game On') }");
        assertThat(gameOn.get("attendance")).isEqualTo(220);
        assertThat((List<?>) gameOn.get("dates")).hasSize(9);
        assertThat(together.getList("items.findAll { it.type == 'COMMUNITY_FORUM' && it.status == 'HELD' }")).hasSize(7);
        Map<String, Object> conference = together.getMap("items.find { it.title.startsWith('Annual Prevent conference') }");
        assertThat(conference.get("attendance")).isEqualTo(100);
        assertThat(conference.get("attendanceCountedBy")).isEqualTo("BOOKINGS");
        assertThat(as(Roles.ANALYST).queryParam("channel", "NEWSLETTER").get("/communications").then().extract()
                .jsonPath().getList("id")).hasSize(3);

        // Each event: planned then held, exactly once each; each communication: published once.
        List<String> eventIds = refs.entrySet().stream().filter(e -> e.getKey().startsWith("e")).map(Map.Entry::getValue).toList();
        List<ReceivedEvent> published = KafkaEvents.await(Topics.ENGAGEMENT, e -> eventIds.contains(e.key()),
                2 * eventIds.size(), Duration.ofSeconds(60));
        Map<String, List<String>> byEvent = published.stream().collect(Collectors.groupingBy(ReceivedEvent::key,
                Collectors.mapping(ReceivedEvent::type, Collectors.toList())));
        assertThat(byEvent).hasSize(eventIds.size());
        assertThat(byEvent.values()).allSatisfy(types -> assertThat(types)
                .containsExactly(EngagementEventTypes.EVENT_PLANNED, EngagementEventTypes.EVENT_HELD));
        ReceivedEvent gameOnHeld = published.stream().filter(e -> e.key().equals(gameOn.get("id"))
                && e.type().equals(EngagementEventTypes.EVENT_HELD)).findFirst().orElseThrow();
        JsonNode snapshot = gameOnHeld.data().get("event");
        assertThat(snapshot.get("attendance").asInt()).isEqualTo(220);
        assertThat(snapshot.get("priority").asText()).isEqualTo("SAFE_EDUCATION");
        assertThat(snapshot.get("partnerTypes").toString()).contains("SCHOOL", "FUNDER");
        assertThat(published).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("contact@", "@example"));
    }

    private static String resolve(String text, Map<String, String> refs) {
        Matcher matcher = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, refs.get(matcher.group(1)));
        }
        return matcher.appendTail(out).toString();
    }
}
