package org.preventhub.engagement.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.preventhub.engagement.support.EngagementApi.asOfficer;
import static org.preventhub.engagement.support.EngagementApi.communication;
import static org.preventhub.engagement.support.EngagementApi.event;
import static org.preventhub.engagement.support.EngagementApi.heldEvent;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.EngagementApi.plan;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Each bad request answers problem+json naming what is wrong, and stores (and publishes) nothing. */
@QuarkusTest
class BadRequestsTest {

    private static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

    private Map<String, Long> before;

    @BeforeEach
    void countWhatIsStored() {
        before = stored();
    }

    private static Map<String, Long> stored() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("organisation", "community_event", "community_event_day", "community_event_partner",
                "attendance_record", "communication", "communication_partner", "event_status_record", "outbox_event")) {
            counts.put(table, Sql.count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private void nothingStored() {
        assertThat(stored()).isEqualTo(before);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue())
                .body(not(containsString("Exception"))).body(not(containsString("org.hibernate")));
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return problem(response, 400).body("violations.field", hasItem(field));
    }

    @Test
    void badEventsAreRefusedWithTheFieldNamed() {
        Map<String, Object> event = event("Bad event", List.of(YESTERDAY));
        before = stored();
        for (Map.Entry<String, ?> bad : List.<Map.Entry<String, ?>>of(
                Map.entry("type", "RAVE"),
                Map.entry("area", "atlantis"),
                Map.entry("audience", "EVERYONE"),
                Map.entry("priority", "WORLD_PEACE"),
                Map.entry("mode", "TELEPATHY"),
                Map.entry("dates", List.of()),
                Map.entry("title", " "),
                Map.entry("plannedAttendance", -1),
                Map.entry("partners", List.of(Map.of("organisationId", UUID.randomUUID().toString(), "role", "ORGANISER"))))) {
            Map<String, Object> body = new HashMap<>(event);
            body.put(bad.getKey(), bad.getValue());
            String field = bad.getKey().equals("partners") ? "partners[0].organisationId" : bad.getKey();
            invalid(asOfficer().body(body).post("/events").then(), field);
        }
        Map<String, Object> badRole = new HashMap<>(event);
        badRole.put("partners", List.of(Map.of("organisationId", organisation("SCHOOL"), "role", "SPONSOR")));
        before = stored();
        invalid(asOfficer().body(badRole).post("/events").then(), "partners[0].role");
        Map<String, Object> badDate = new HashMap<>(event);
        badDate.put("dates", List.of("14/11/2019"));
        problem(asOfficer().body(badDate).post("/events").then(), 400);
        problem(asOfficer().body("{\"title\": ").post("/events").then(), 400);
        problem(asOfficer().body("").post("/events").then(), 400);
        nothingStored();
    }

    @Test
    void codesLongerThanTheirDocumentedLimitAreNamedWithTheLimit() {
        Map<String, Object> event = event("Long codes", List.of(YESTERDAY));
        before = stored();
        for (Map.Entry<String, Integer> code : Map.of("type", 40, "area", 80, "audience", 40).entrySet()) {
            Map<String, Object> body = new HashMap<>(event);
            body.put(code.getKey(), "X".repeat(code.getValue() + 1));
            invalid(asOfficer().body(body).post("/events").then(), code.getKey())
                    .body("violations.find { it.field == '" + code.getKey() + "' }.message",
                            containsString(Integer.toString(code.getValue())));
        }
        nothingStored();
    }

    @Test
    void eventDaysOutsideThePlausibleWindowAreRefusedNamingTheFieldNotA500() {
        for (String day : List.of("+999999999-12-31", "0001-01-01", "1989-12-31",
                LocalDate.now().plusYears(10).plusDays(1).toString())) {
            Map<String, Object> event = event("Forum", List.of(day));
            before = stored();
            invalid(asOfficer().body(event).post("/events").then(), "dates[0]");
            nothingStored();
        }
        String id = plan(event("Forum", List.of(LocalDate.now().plusDays(3).toString())));
        before = stored();
        invalid(asOfficer().body(Map.of("reason", "Moved", "newDates", List.of("+999999999-01-01")))
                .post("/events/" + id + "/postponement").then(), "newDates[0]");
        Map<String, Object> newsletter = communication("Old news");
        newsletter.put("publishedOn", "1989-12-31");
        invalid(asOfficer().body(newsletter).post("/communications").then(), "publishedOn");
        invalid(asOfficer().queryParam("from", "+999999999-01-01").get("/events").then(), "from");
        nothingStored();
    }

    @Test
    void badAttendanceIsRefusedAndTheEventKeepsItsFigure() {
        String planned = plan(event("Bad attendance", List.of(YESTERDAY)));
        String held = heldEvent("Bad correction", 30);
        before = stored();
        invalid(asOfficer().body(Map.of("attendance", -3, "countedBy", "HEADCOUNT")).post("/events/" + planned + "/held")
                .then(), "attendance");
        invalid(asOfficer().body(Map.of("attendance", 10, "countedBy", "GUESSWORK")).post("/events/" + planned + "/held")
                .then(), "countedBy");
        invalid(asOfficer().body(Map.of("attendance", -1, "countedBy", "HEADCOUNT", "reason", "x"))
                .post("/events/" + held + "/attendance-correction").then(), "attendance");
        invalid(asOfficer().body(Map.of("attendance", 31, "countedBy", "HEADCOUNT"))
                .post("/events/" + held + "/attendance-correction").then(), "reason");
        problem(asOfficer().body(Map.of("attendance", 31, "countedBy", "HEADCOUNT", "reason", "x"))
                .post("/events/" + planned + "/attendance-correction").then(), 409);
        problem(asOfficer().body(Map.of("attendance", 31, "countedBy", "HEADCOUNT", "reason", "x"))
                .post("/events/" + UUID.randomUUID() + "/attendance-correction").then(), 404);
        problem(asOfficer().body(Map.of("reason", "x")).post("/events/" + held + "/cancellation").then(), 409);
        problem(asOfficer().get("/events/not-a-uuid").then(), 404);
        nothingStored();
        asOfficer().get("/events/" + held).then().body("attendance", equalTo(30)).body("status", equalTo("HELD"));
    }

    @Test
    void badOrganisationsAndCommunicationsAreRefused() {
        invalid(asOfficer().body(Map.of("name", "Bad org " + UUID.randomUUID(), "type", "CULT")).post("/organisations").then(), "type");
        invalid(asOfficer().body(Map.of("name", "Bad org " + UUID.randomUUID(), "type", "SCHOOL", "area", "mordor"))
                .post("/organisations").then(), "area");
        invalid(asOfficer().body(Map.of("name", "Bad org " + UUID.randomUUID(), "type", "SCHOOL", "contactEmail", "not-an-email"))
                .post("/organisations").then(), "contactEmail");
        invalid(asOfficer().body(Map.of("type", "SCHOOL")).post("/organisations").then(), "name");

        for (Map.Entry<String, ?> bad : List.<Map.Entry<String, ?>>of(
                Map.entry("channel", "CARRIER_PIGEON"),
                Map.entry("audience", "EVERYONE"),
                Map.entry("recipients", -5),
                Map.entry("views", -1),
                Map.entry("publishedOn", LocalDate.now().plusDays(10).toString()))) {
            Map<String, Object> body = communication("Bad communication");
            body.put(bad.getKey(), bad.getValue());
            invalid(asOfficer().body(body).post("/communications").then(), bad.getKey());
        }
        problem(asOfficer().queryParam("sort", "colour").get("/events").then(), 400);
        problem(asOfficer().queryParam("size", 1000).get("/communications").then(), 400);
        nothingStored();
    }

    @Test
    void aSecondOrganisationWithTheSameNameIsAConflict() {
        String name = "Duplicate org " + UUID.randomUUID();
        asOfficer().body(Map.of("name", name, "type", "SCHOOL")).post("/organisations").then().statusCode(201);
        before = stored();
        problem(asOfficer().body(Map.of("name", name, "type", "COLLEGE")).post("/organisations").then(), 409)
                .body("type", equalTo("urn:prevent-hub:problem:duplicate-organisation"));
        nothingStored();
    }

    @Test
    void anOrganisationListedTwiceInTheSameRoleIsABadRequestNamingTheRepeatedEntry() {
        String school = organisation("SCHOOL");
        List<Map<String, String>> twice = List.of(Map.of("organisationId", school, "role", "PARTNER"),
                Map.of("organisationId", school, "role", "ORGANISER"), Map.of("organisationId", school, "role", "PARTNER"));
        Map<String, Object> event = event("Twice", List.of(YESTERDAY));
        event.put("partners", twice);
        Map<String, Object> communication = communication("Twice");
        communication.put("partners", twice);
        before = stored();
        invalid(asOfficer().body(event).post("/events").then(), "partners[2]");
        invalid(asOfficer().body(communication).post("/communications").then(), "partners[2]");
        communication.put("partners", List.of(Map.of("organisationId", UUID.randomUUID().toString(), "role", "FUNDER")));
        invalid(asOfficer().body(communication).post("/communications").then(), "partners[0].organisationId");
        communication.put("partners", List.of(Map.of("organisationId", school, "role", "SPONSOR")));
        invalid(asOfficer().body(communication).post("/communications").then(), "partners[0].role");
        nothingStored();

        // The same organisation in two roles is fine.
        event.put("partners", twice.subList(0, 2));
        asOfficer().body(event).post("/events").then().statusCode(201).body("partners.role",
                equalTo(List.of("PARTNER", "ORGANISER")));
    }
}
