package org.preventhub.engagement.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.asOfficer;
import static org.preventhub.engagement.support.EngagementApi.event;
import static org.preventhub.engagement.support.EngagementApi.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventLifecycleTest {

    private static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

    @Test
    void aCorrectedAttendanceKeepsBothFiguresAndPublishesACorrection() {
        String id = plan(event("Correction test", List.of(YESTERDAY)));
        asOfficer().body(Map.of("attendance", 40, "countedBy", "HEADCOUNT", "outcomes", "Good discussion"))
                .post("/events/" + id + "/held").then().statusCode(200).body("status", equalTo("HELD"));
        asOfficer().body(Map.of("attendance", 45, "countedBy", "REGISTER", "reason", "Second sign-in sheet found"))
                .post("/events/" + id + "/attendance-correction").then().statusCode(200)
                .body("attendance", equalTo(45))
                .body("attendanceHistory.attendance", equalTo(List.of(40, 45)))
                .body("attendanceHistory.kind", equalTo(List.of("RECORDED", "CORRECTED")))
                .body("attendanceHistory[1].reason", equalTo("Second sign-in sheet found"));

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 3, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type).containsExactly(EngagementEventTypes.EVENT_PLANNED,
                EngagementEventTypes.EVENT_HELD, EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED);
        assertThat(events.get(2).data().get("previousAttendance").asInt()).isEqualTo(40);
        assertThat(events.get(2).data().get("event").get("attendance").asInt()).isEqualTo(45);
    }

    @Test
    void aFutureEventCannotBeHeldAndAHeldOneCannotBeCancelled() {
        String future = plan(event("Future", List.of(LocalDate.now().plusDays(30).toString())));
        asOfficer().body(Map.of("attendance", 10, "countedBy", "HEADCOUNT")).post("/events/" + future + "/held").then()
                .statusCode(409).body("type", equalTo("urn:prevent-hub:problem:event-not-started"));
        asOfficer().body(Map.of("reason", "Postponed by lockdown", "newDates", List.of(LocalDate.now().plusDays(60).toString())))
                .post("/events/" + future + "/postponement").then().statusCode(200).body("status", equalTo("POSTPONED"));

        String held = plan(event("Held", List.of(YESTERDAY)));
        asOfficer().body(Map.of()).post("/events/" + held + "/held").then().statusCode(200).body("attendance", equalTo(null));
        asOfficer().body(Map.of("reason", "too late")).post("/events/" + held + "/cancellation").then().statusCode(409);
        asOfficer().body(Map.of("attendance", 12, "countedBy", "ESTIMATE", "reason", "Estimated later"))
                .post("/events/" + held + "/attendance-correction").then().statusCode(200)
                .body("attendanceHistory.kind", equalTo(List.of("RECORDED")));
    }

    @Test
    void listsFilterByTypeAreaPriorityPartnerDaysAndStatus() {
        var e = event("Filter test", List.of("2031-03-10", "2031-03-11"));
        String partner = (String) ((Map<?, ?>) ((List<?>) e.get("partners")).get(0)).get("organisationId");
        String id = plan(e);
        as(Roles.ANALYST).queryParam("partner", partner).get("/events").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        as(Roles.ANALYST).queryParam("from", "2031-03-11").queryParam("to", "2031-03-11").queryParam("area", "rugby")
                .queryParam("type", "PUBLIC_MEETING").queryParam("priority", "COMMUNITY_ENGAGEMENT").queryParam("status", "PLANNED")
                .get("/events").then().body("items.id", hasItems(id));
        as(Roles.ANALYST).queryParam("from", "2031-03-12").queryParam("partner", partner).get("/events").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void badEventsAreRefusedWithTheFieldsNamedAndNothingStored() {
        long before = Sql.count("SELECT count(*) FROM community_event");
        var bad = event("Bad", List.of(YESTERDAY));
        bad.put("type", "RAVE");
        bad.put("area", "atlantis");
        asOfficer().body(bad).post("/events").then().statusCode(400).contentType("application/problem+json");
        var noDays = event("No days", List.of());
        asOfficer().body(noDays).post("/events").then().statusCode(400).body("violations[0].field", equalTo("dates"));
        var badPartner = event("Bad partner", List.of(YESTERDAY));
        badPartner.put("partners", List.of(Map.of("organisationId", java.util.UUID.randomUUID().toString(), "role", "ORGANISER")));
        asOfficer().body(badPartner).post("/events").then().statusCode(400)
                .body("violations[0].field", equalTo("partners[0].organisationId"));
        asOfficer().body("{\"title\": ").post("/events").then().statusCode(400);
        String held = plan(event("Negative", List.of(YESTERDAY)));
        asOfficer().body(Map.of("attendance", -3, "countedBy", "HEADCOUNT")).post("/events/" + held + "/held").then().statusCode(400);
        assertThat(Sql.count("SELECT count(*) FROM community_event")).isEqualTo(before + 1);
    }
}
