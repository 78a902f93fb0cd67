package org.preventhub.referral.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The referral API as its users call it; people are identified by username, agency and role. */
public final class ReferralApi {

    public static final String PURPOSE = "X-Access-Purpose";

    private ReferralApi() {
    }

    public static RequestSpecification as(String role, String agency, String username) {
        return given().auth().oauth2(TestTokens.as(role).agency(agency).username(username).token())
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification asLead() {
        return asLead("Test: Prevent lead casework");
    }

    /** @param purpose the X-Access-Purpose to send, or null for none */
    public static RequestSpecification asLead(String purpose) {
        RequestSpecification spec = as(Roles.PREVENT_LEAD, "warwickshire-county-council", "lead");
        return purpose == null ? spec : spec.header(PURPOSE, purpose);
    }

    public static RequestSpecification asReferrer(String agency) {
        return as(Roles.REFERRER, agency, "referrer-" + agency);
    }

    /** A referral made by a referrer of the given agency; returns its id. */
    public static UUID refer(String agency, Map<String, Object> referral) {
        return UUID.fromString(asReferrer(agency).body(referral).post("/referrals").then().statusCode(201)
                .extract().path("id"));
    }

    /**
     * An earlier referral of the given agency, entered by the Prevent lead: only the lead may date a referral more than
     * seven days back. Returns its id.
     */
    @SuppressWarnings("unchecked")
    public static UUID referEarlier(String agency, Map<String, Object> referral) {
        ((Map<String, Object>) referral.get("referrer")).put("agency", agency);
        return UUID.fromString(asLead().body(referral).post("/referrals").then().statusCode(201)
                .extract().path("id"));
    }

    public static ValidatableResponse step(UUID referral, String action, Map<String, Object> body) {
        return asLead().body(body).post("/referrals/" + referral + "/steps/" + action).then();
    }

    public static ValidatableResponse step(UUID referral, String action) {
        return step(referral, action, Map.of("reason", "Test reason for " + action));
    }

    /** The user id of a test user is "user-" + username (see TestTokens). */
    public static String userId(String username) {
        return "user-" + username;
    }

    /** A panel that met yesterday, chaired by the lead, with the given panel members (usernames). */
    public static UUID panel(String... memberUsernames) {
        Map<String, Object> chair = Map.of("userId", userId("lead"), "name", "Channel chair", "agency", "warwickshire-county-council");
        List<Map<String, Object>> members = java.util.Arrays.stream(memberUsernames)
                .map(u -> Map.<String, Object>of("userId", userId(u), "name", u, "agency", "warwickshire-police")).toList();
        Map<String, Object> panel = new HashMap<>();
        panel.put("meetsOn", LocalDate.now().minusDays(1).toString());
        panel.put("chair", chair);
        panel.put("members", members);
        return UUID.fromString(asLead().body(panel).post("/panels").then().statusCode(201).extract().path("id"));
    }

    /** Takes a received referral through screening and a panel that adopts it. */
    public static UUID adopted(UUID referral, UUID panel) {
        step(referral, "start-screening").statusCode(200);
        step(referral, "list-for-panel").statusCode(200);
        asLead().body(Map.of("referralId", referral)).post("/panels/" + panel + "/agenda").then().statusCode(200);
        asLead().body(Map.of("decision", "ADOPTED", "minutes", "Adopted; mentoring agreed."))
                .post("/panels/" + panel + "/agenda/" + referral + "/decision").then().statusCode(200);
        return referral;
    }
}
