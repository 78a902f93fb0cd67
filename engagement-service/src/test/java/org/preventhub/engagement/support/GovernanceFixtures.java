package org.preventhub.engagement.support;

import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.preventhub.platform.security.Roles;

import io.restassured.specification.RequestSpecification;

/** Small builders for governance bodies, meetings and register entries, written as the Prevent lead. */
public final class GovernanceFixtures {

    private GovernanceFixtures() {
    }

    public static RequestSpecification asLead() {
        return as(Roles.PREVENT_LEAD);
    }

    public static Map<String, Object> body(String name, int meetingsPerYear, int quorum) {
        return new HashMap<>(Map.of("name", name, "kind", "STRATEGY_GROUP", "meetingsPerYear", meetingsPerYear,
                "quorum", quorum));
    }

    /** A fresh quarterly body with a quorum of 2. */
    public static String quarterlyBody() {
        return asLead().body(body("Strategy Group " + UUID.randomUUID(), 4, 2)).post("/governance/bodies").then()
                .statusCode(201).extract().path("id");
    }

    /** Adds a member representing a fresh organisation of the given type; returns the member id. */
    public static String member(String bodyId, String organisationType, String role) {
        return asLead().body(Map.of("organisationId", organisation(organisationType), "role", role,
                "userId", UUID.randomUUID().toString())).post("/governance/bodies/" + bodyId + "/members").then()
                .statusCode(201).extract().path("id");
    }

    public static String meeting(String bodyId, String meetsOn) {
        return asLead().body(Map.of("meetsOn", meetsOn, "agenda", List.of("CTLP update", "Action plan")))
                .post("/governance/bodies/" + bodyId + "/meetings").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> minutes(List<String> attended, List<String> apologies) {
        Map<String, Object> minutes = new HashMap<>();
        minutes.put("attended", attended);
        minutes.put("apologies", apologies);
        minutes.put("decisions", List.of("The CTLP's recommendations are accepted"));
        return minutes;
    }

    public static Map<String, Object> document(String type, String ownerId, String marking) {
        Map<String, Object> document = new HashMap<>();
        document.put("type", type);
        document.put("title", type + " " + UUID.randomUUID());
        document.put("ownerOrganisationId", ownerId);
        document.put("documentVersion", "1.0");
        document.put("status", "ISSUED");
        document.put("issuedOn", "2020-02-14");
        document.put("reviewCycleMonths", 12);
        document.put("marking", marking);
        return document;
    }

    public static String register(Map<String, Object> document) {
        return asLead().body(document).post("/documents").then().statusCode(201).extract().path("id");
    }

    /** The smallest bytes a PDF reader and the magic-bytes check both accept as a PDF. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
