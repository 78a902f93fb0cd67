package org.preventhub.referral.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every caller: each role, a referrer of the referral's agency and of another, a panel member
 * who sits on its panel and one who does not. Each cell is the status the caller must get.
 */
@QuarkusTest
class AccessMatrixTest {

    private record Caller(String name, String role, String agency, String username) {
        RequestSpecification spec() {
            return given().auth().oauth2(TestTokens.as(role).agency(agency).username(username).token())
                    .contentType(ContentType.JSON).header("X-Access-Purpose", "access matrix test");
        }
    }

    private record Endpoint(String name, Function<RequestSpecification, Integer> call) {
    }

    @Test
    void everyEndpointGivesEachCallerExactlyTheIntendedAnswer() {
        String agency = "matrix-school-" + UUID.randomUUID().toString().substring(0, 6);
        UUID referral = refer(agency, aReferral().build());
        step(referral, "start-screening").statusCode(200);
        step(referral, "list-for-panel").statusCode(200);
        UUID panel = panel("matrix-member");
        asLead().body(Map.of("referralId", referral)).post("/panels/" + panel + "/agenda").then().statusCode(200);
        UUID spare = refer(agency, aReferral().build());

        List<Caller> callers = List.of(
                new Caller("prevent-lead", Roles.PREVENT_LEAD, "warwickshire-county-council", "lead"),
                new Caller("panel member", Roles.CHANNEL_PANEL, "warwickshire-police", "matrix-member"),
                new Caller("other panellist", Roles.CHANNEL_PANEL, "warwickshire-police", "not-a-member"),
                new Caller("own referrer", Roles.REFERRER, agency, "own-referrer"),
                new Caller("other referrer", Roles.REFERRER, "another-agency", "other-referrer"),
                new Caller("analyst", Roles.ANALYST, "warwickshire-county-council", "analyst"),
                new Caller("trainer", Roles.TRAINER, "warwickshire-county-council", "trainer"),
                new Caller("engagement", Roles.ENGAGEMENT_OFFICER, "warwickshire-county-council", "engagement"),
                new Caller("feed", Roles.FEED, "warwick-district-council", "feed"),
                new Caller("booking", Roles.BOOKING, "warwickshire-county-council", "booking"),
                new Caller("admin", Roles.ADMIN, "warwickshire-county-council", "admin"));

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET referral", s -> s.get("/referrals/" + referral).statusCode()),
                new Endpoint("GET history", s -> s.get("/referrals/" + referral + "/history").statusCode()),
                new Endpoint("GET access log", s -> s.get("/referrals/" + referral + "/access-log").statusCode()),
                new Endpoint("GET list", s -> s.get("/referrals").statusCode()),
                new Endpoint("POST referral", s -> s.body(aReferral().build()).post("/referrals").statusCode()),
                new Endpoint("POST step (not allowed now)", s -> s.body(Map.of("reason", "x"))
                        .post("/referrals/" + referral + "/steps/start-screening").statusCode()),
                new Endpoint("POST legal hold (lift)", s -> s.body(Map.of("hold", false))
                        .post("/referrals/" + spare + "/legal-hold").statusCode()),
                new Endpoint("GET overdue reviews", s -> s.get("/referrals/reviews/overdue").statusCode()),
                new Endpoint("GET panels", s -> s.get("/panels").statusCode()),
                new Endpoint("GET panel", s -> s.get("/panels/" + panel).statusCode()),
                new Endpoint("POST agenda (not listed)", s -> s.body(Map.of("referralId", spare))
                        .post("/panels/" + panel + "/agenda").statusCode()),
                new Endpoint("GET subject access", s -> s.queryParam("name", "Nobody At All").get("/subject-access").statusCode()),
                new Endpoint("POST retention run", s -> s.queryParam("asOf", "2000-01-01").post("/retention/runs").statusCode()));

        // Expected status per endpoint, in the order of the callers above.
        Map<String, int[]> expected = new LinkedHashMap<>();
        //                                         lead member other own  other analyst trainer engage feed booking admin
        expected.put("GET referral", new int[] { 200, 200, 404, 200, 404, 403, 403, 403, 403, 403, 403 });
        expected.put("GET history", new int[] { 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("GET access log", new int[] { 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("GET list", new int[] { 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403 });
        expected.put("POST referral", new int[] { 201, 403, 403, 201, 201, 403, 403, 403, 403, 403, 403 });
        expected.put("POST step (not allowed now)", new int[] { 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("POST legal hold (lift)", new int[] { 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("GET overdue reviews", new int[] { 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("GET panels", new int[] { 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("GET panel", new int[] { 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("POST agenda (not listed)", new int[] { 409, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("GET subject access", new int[] { 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        expected.put("POST retention run", new int[] { 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200 });

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            int[] statuses = expected.get(endpoint.name());
            for (int c = 0; c < callers.size(); c++) {
                int actual = endpoint.call().apply(callers.get(c).spec());
                if (actual != statuses[c]) {
                    wrong.add(endpoint.name() + " as " + callers.get(c).name() + ": expected " + statuses[c] + ", got " + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aReferrerSeesOnlyItsOwnAgencysReferralsInTheListAndOnlyTheirStatus() {
        String agency = "list-school-" + UUID.randomUUID().toString().substring(0, 6);
        UUID own = refer(agency, aReferral().build());
        refer("someone-else-" + UUID.randomUUID().toString().substring(0, 6), aReferral().build());
        var page = given().auth().oauth2(TestTokens.as(Roles.REFERRER).agency(agency).token())
                .get("/referrals").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(own.toString());
        assertThat(page.getMap("items[0]")).containsOnlyKeys("id", "reference", "status", "outcome", "receivedOn", "closedOn");
    }
}
