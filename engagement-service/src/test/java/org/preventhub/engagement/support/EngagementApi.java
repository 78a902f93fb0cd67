package org.preventhub.engagement.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.preventhub.platform.security.Roles;
import org.preventhub.testing.JsonBodies;
import org.preventhub.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

public final class EngagementApi {

    static {
        JsonBodies.install();
    }

    private EngagementApi() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.as(role).agency("warwickshire-county-council").token())
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification asOfficer() {
        return as(Roles.ENGAGEMENT_OFFICER);
    }

    public static String organisation(String type) {
        return asOfficer().body(Map.of("name", "Org " + UUID.randomUUID(), "type", type, "area", "rugby",
                "contactEmail", "contact@org.example.org")).post("/organisations").then().statusCode(201).extract().path("id");
    }

    /** A planned event on the given days, organised by a fresh organisation. */
    public static Map<String, Object> event(String title, List<String> days) {
        Map<String, Object> event = new HashMap<>();
        event.put("title", title);
        event.put("type", "PUBLIC_MEETING");
        event.put("dates", days);
        event.put("mode", "IN_PERSON");
        event.put("area", "rugby");
        event.put("priority", "COMMUNITY_ENGAGEMENT");
        event.put("audience", "COMMUNITY");
        event.put("partners", List.of(Map.of("organisationId", organisation("FAITH_GROUP"), "role", "ORGANISER")));
        return event;
    }

    public static String plan(Map<String, Object> event) {
        return asOfficer().body(event).post("/events").then().statusCode(201).extract().path("id");
    }

    /** A fresh event held yesterday with the given attendance. */
    public static String heldEvent(String title, int attendance) {
        String id = plan(event(title, List.of(java.time.LocalDate.now().minusDays(1).toString())));
        asOfficer().body(Map.of("attendance", attendance, "countedBy", "HEADCOUNT")).post("/events/" + id + "/held")
                .then().statusCode(200);
        return id;
    }

    public static Map<String, Object> communication(String title) {
        Map<String, Object> communication = new HashMap<>();
        communication.put("title", title);
        communication.put("channel", "NEWSLETTER");
        communication.put("audience", "PROFESSIONALS");
        communication.put("priority", "INTELLIGENCE_COMMUNICATIONS");
        communication.put("publishedOn", "2020-07-15");
        communication.put("recipients", 850);
        return communication;
    }

    public static String publish(Map<String, Object> communication) {
        return asOfficer().body(communication).post("/communications").then().statusCode(201).extract().path("id");
    }
}
