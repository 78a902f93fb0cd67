package org.preventhub.engagement.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import org.preventhub.platform.idempotency.IdempotentRequests;
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

        // Read back later, the history still shows both figures.
        as(Roles.ANALYST).get("/events/" + id).then().statusCode(200).body("attendance", equalTo(45))
                .body("attendanceHistory.attendance", equalTo(List.of(40, 45)))
                .body("attendanceHistory.countedBy", equalTo(List.of("HEADCOUNT", "REGISTER")));

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
    void listsFilterByTypeAreaPriorityPartnerDaysAndStatusAPageAtATime() {
        // Two events in a year nobody else uses, differing in every filtered field.
        var forum = event("Filter forum", List.of("2031-03-10", "2031-03-11"));
        String partner = (String) ((Map<?, ?>) ((List<?>) forum.get("partners")).get(0)).get("organisationId");
        String forumId = plan(forum);
        var workshop = event("Filter workshop", List.of("2031-06-01"));
        workshop.put("type", "WORKSHOP");
        workshop.put("area", "warwick");
        workshop.put("priority", "SAFE_EDUCATION");
        workshop.put("audience", "EDUCATION");
        String workshopId = plan(workshop);
        asOfficer().body(Map.of("reason", "No venue")).post("/events/" + workshopId + "/cancellation").then().statusCode(200);

        Map<String, List<String>> expected = Map.of(
                "type=PUBLIC_MEETING", List.of(forumId), "type=WORKSHOP", List.of(workshopId),
                "area=rugby", List.of(forumId), "area=warwick", List.of(workshopId),
                "priority=SAFE_EDUCATION", List.of(workshopId), "audience=COMMUNITY", List.of(forumId),
                "status=CANCELLED", List.of(workshopId), "status=PLANNED", List.of(forumId),
                "partner=" + partner, List.of(forumId), "to=2031-03-10", List.of(forumId));
        expected.forEach((filter, ids) -> {
            String[] pair = filter.split("=");
            Map<String, String> query = new java.util.HashMap<>(Map.of("from", "2031-01-01", "to", "2031-12-31"));
            query.put(pair[0], pair[1]);
            as(Roles.ANALYST).queryParams(query).get("/events").then().statusCode(200).body("items.id", equalTo(ids));
        });
        as(Roles.ANALYST).queryParam("from", "2031-03-11").queryParam("to", "2031-03-11").get("/events").then()
                .body("items.id", equalTo(List.of(forumId)));
        as(Roles.ANALYST).queryParam("from", "2031-03-12").queryParam("partner", partner).get("/events").then()
                .body("totalItems", equalTo(0));
        as(Roles.ANALYST).queryParam("from", "2031-01-01").queryParam("to", "2031-12-31").queryParam("size", 1)
                .queryParam("page", 1).get("/events").then().statusCode(200)
                .body("items.id", equalTo(List.of(workshopId))).body("totalItems", equalTo(2)).body("totalPages", equalTo(2));
        as(Roles.ANALYST).queryParam("from", "2031-01-01").queryParam("to", "2031-12-31").queryParam("sort", "firstDay,desc")
                .get("/events").then().body("items.id", equalTo(List.of(workshopId, forumId)));
    }

    @Test
    void aCancelledEventAndAPostponedOneArePublishedWithTheirNewStatusAndADeploymentsOwnTypeIsAccepted() {
        var walk = event("Peace walk", List.of(LocalDate.now().plusDays(20).toString()));
        walk.put("type", "PEACE_WALK"); // added by the test profile, as a deployment would
        String id = plan(walk);
        asOfficer().body(Map.of("reason", "Storm warning")).post("/events/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        String other = plan(event("Forum to postpone", List.of(LocalDate.now().plusDays(5).toString())));
        String newDay = LocalDate.now().plusDays(40).toString();
        asOfficer().body(Map.of("reason", "Lockdown", "newDates", List.of(newDay))).post("/events/" + other + "/postponement")
                .then().statusCode(200).body("status", equalTo("POSTPONED")).body("dates", equalTo(List.of(newDay)));

        List<ReceivedEvent> cancelled = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 2, Duration.ofSeconds(30));
        assertThat(cancelled).extracting(ReceivedEvent::type)
                .containsExactly(EngagementEventTypes.EVENT_PLANNED, EngagementEventTypes.EVENT_CANCELLED);
        assertThat(cancelled.get(1).data().get("event").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get(1).data().get("event").get("type").asText()).isEqualTo("PEACE_WALK");
        List<ReceivedEvent> postponed = KafkaEvents.forKey(Topics.ENGAGEMENT, other, 2, Duration.ofSeconds(30));
        assertThat(postponed.get(1).type()).isEqualTo(EngagementEventTypes.EVENT_POSTPONED);
        assertThat(postponed.get(1).data().get("event").get("dates").get(0).asText()).isEqualTo(newDay);
    }

    @Test
    void aRetriedPlanWithTheSameIdempotencyKeyCreatesOneEventAndPublishesOnce() {
        var body = event("Retried plan", List.of(LocalDate.now().plusDays(3).toString()));
        String key = "retry-" + java.util.UUID.randomUUID();
        String first = asOfficer().header(org.preventhub.platform.idempotency.IdempotentRequests.HEADER, key).body(body)
                .post("/events").then().statusCode(201).extract().path("id");
        String second = asOfficer().header(org.preventhub.platform.idempotency.IdempotentRequests.HEADER, key).body(body)
                .post("/events").then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
        assertThat(org.preventhub.testing.Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ?", first))
                .isEqualTo(1);
    }

    @Test
    void eachPostponementAndTheCancellationKeepTheirReasonInTheStatusHistoryButNotInTheEvents() {
        String id = plan(event("Postponed twice", List.of(LocalDate.now().plusDays(10).toString())));
        asOfficer().body(Map.of("reason", "Venue double-booked")).post("/events/" + id + "/postponement").then()
                .statusCode(200);
        asOfficer().body(Map.of("reason", "COVID-19 restrictions", "newDates", List.of(LocalDate.now().plusDays(90).toString())))
                .post("/events/" + id + "/postponement").then().statusCode(200)
                .body("statusHistory.status", equalTo(List.of("POSTPONED", "POSTPONED")))
                .body("statusHistory.reason", equalTo(List.of("Venue double-booked", "COVID-19 restrictions")));
        asOfficer().body(Map.of("reason", "Funding withdrawn")).post("/events/" + id + "/cancellation").then().statusCode(200);

        as(Roles.ANALYST).get("/events/" + id).then().statusCode(200)
                .body("statusHistory.status", equalTo(List.of("POSTPONED", "POSTPONED", "CANCELLED")))
                .body("statusHistory.reason", equalTo(List.of("Venue double-booked", "COVID-19 restrictions",
                        "Funding withdrawn")))
                .body("statusHistory.recordedBy", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue()));
        // Reasons are free text: they stay in the service, out of the events reporting reads.
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 4, Duration.ofSeconds(30));
        assertThat(events.toString()).doesNotContain("double-booked", "COVID-19", "Funding withdrawn");
    }

    @Test
    void retriedStateChangesWithTheSameIdempotencyKeyAnswerAsTheFirstAndPublishOnce() {
        String id = plan(event("Retried held", List.of(YESTERDAY)));
        String key = "held-" + java.util.UUID.randomUUID();
        Map<String, Object> held = Map.of("attendance", 30, "countedBy", "HEADCOUNT");
        asOfficer().header(IdempotentRequests.HEADER, key).body(held).post("/events/" + id + "/held").then()
                .statusCode(200).body("status", equalTo("HELD")).header(IdempotentRequests.REPLAYED_HEADER, nullValue());
        asOfficer().header(IdempotentRequests.HEADER, key).body(held).post("/events/" + id + "/held").then()
                .statusCode(200).body("status", equalTo("HELD")).body("attendance", equalTo(30))
                .header(IdempotentRequests.REPLAYED_HEADER, "true");
        // The same key with another body is refused; without a key, holding again is the usual conflict.
        asOfficer().header(IdempotentRequests.HEADER, key).body(Map.of("attendance", 31, "countedBy", "HEADCOUNT"))
                .post("/events/" + id + "/held").then().statusCode(422);
        asOfficer().body(held).post("/events/" + id + "/held").then().statusCode(409);

        Map<String, Object> correction = Map.of("attendance", 33, "countedBy", "REGISTER", "reason", "Register found");
        for (int i = 0; i < 2; i++) {
            asOfficer().header(IdempotentRequests.HEADER, "correct-" + id).body(correction)
                    .post("/events/" + id + "/attendance-correction").then().statusCode(200)
                    .body("attendanceHistory.attendance", equalTo(List.of(30, 33)));
        }

        String toPostpone = plan(event("Retried postponement", List.of(LocalDate.now().plusDays(7).toString())));
        String toCancel = plan(event("Retried cancellation", List.of(LocalDate.now().plusDays(7).toString())));
        for (int i = 0; i < 2; i++) {
            asOfficer().header(IdempotentRequests.HEADER, "postpone-" + toPostpone).body(Map.of("reason", "Snow"))
                    .post("/events/" + toPostpone + "/postponement").then().statusCode(200)
                    .body("statusHistory.reason", equalTo(List.of("Snow")));
            asOfficer().header(IdempotentRequests.HEADER, "cancel-" + toCancel).body(Map.of("reason", "Snow"))
                    .post("/events/" + toCancel + "/cancellation").then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
        }

        assertThat(outboxTypes(id)).containsExactly(EngagementEventTypes.EVENT_PLANNED, EngagementEventTypes.EVENT_HELD,
                EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED);
        assertThat(outboxTypes(toPostpone)).containsExactly(EngagementEventTypes.EVENT_PLANNED,
                EngagementEventTypes.EVENT_POSTPONED);
        assertThat(outboxTypes(toCancel)).containsExactly(EngagementEventTypes.EVENT_PLANNED,
                EngagementEventTypes.EVENT_CANCELLED);
    }

    private static List<Object> outboxTypes(String aggregateId) {
        return Sql.rows("SELECT type FROM outbox_event WHERE aggregateid = ? ORDER BY position", aggregateId).stream()
                .map(row -> row.get("type")).toList();
    }
}
