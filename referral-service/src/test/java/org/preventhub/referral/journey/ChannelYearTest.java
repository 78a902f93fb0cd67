package org.preventhub.referral.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.referral.support.ReferralApi.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.DemoDataPlan;
import org.preventhub.testing.Sql;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The local stack's referral demo data (a fictional Channel year, September 2019 – August 2020), run through the
 * API as {@code ./hub start} runs it (deploy/local-stack JsonDemoData: a role's demo user per call, optional
 * headers, {@code ref} names the answer's id, {@code capture} further values), so a change of the API that breaks
 * it fails here first.
 */
@QuarkusTest
class ChannelYearTest {

    /** The demo user the local stack calls with for each role (deploy/local-stack Tokens), and their agency. */
    private static RequestSpecification demoUser(String role) {
        return switch (role) {
            case Roles.PREVENT_LEAD -> as(role, "warwickshire-county-council", "lead-wcc");
            case Roles.CHANNEL_PANEL -> as(role, "warwickshire-county-council", "panel-wcc");
            case Roles.REFERRER -> as(role, "warwickshire-police", "referrer-police");
            default -> throw new IllegalArgumentException(role);
        };
    }

    @Test
    void theDemoYearLoadsThroughTheApiWithEnoughReferralsAcrossTheCountyForSuppressionToMatter() {
        DemoDataPlan plan = DemoDataPlan.of("referral-service");
        List<String> referrals = new ArrayList<>();
        plan.replay(ChannelYearTest::demoUser, (step, response) -> {
            if (step.method().equals("POST") && step.path().equals("/referrals")) {
                referrals.add(response.jsonPath().getString("id"));
            }
        });

        // The local stack's "loaded before" check, as a restart makes it, holds once loaded.
        JsonNode loadedWhen = plan.document().get("loadedWhen");
        assertThat(demoUser(loadedWhen.get("as").asText()).get(loadedWhen.get("path").asText()).then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSizeGreaterThanOrEqualTo(loadedWhen.get("minItems").asInt());

        String ids = referrals.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        List<Map<String, Object>> facts = Sql.rows("SELECT status, area, referrer_sector, concern_types, age_band, "
                + "received_on, legal_hold FROM referral WHERE id IN (" + ids + ")");
        assertThat(facts).hasSizeBetween(25, 40);
        assertThat(facts).extracting(f -> f.get("received_on").toString())
                .allMatch(day -> day.compareTo("2019-09-01") >= 0 && day.compareTo("2020-08-31") <= 0);
        assertThat(facts).extracting(f -> f.get("area")).containsOnly("north-warwickshire", "nuneaton-and-bedworth",
                "rugby", "stratford-on-avon", "warwick");
        assertThat(facts.stream().map(f -> f.get("referrer_sector")).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(6);
        assertThat(facts.stream().map(f -> f.get("age_band")).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(facts.stream().flatMap(f -> List.of(f.get("concern_types").toString().split(",")).stream())
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("ISLAMIST", "EXTREME_RIGHT_WING",
                        "MIXED_UNCLEAR_UNSTABLE", "NO_IDEOLOGY", "OTHER");
        Map<Object, Long> byStatus = facts.stream().collect(Collectors.groupingBy(f -> f.get("status"), Collectors.counting()));
        assertThat(byStatus).containsKeys("NO_FURTHER_ACTION", "SIGNPOSTED", "NOT_ADOPTED", "CONSENT_REFUSED",
                "IN_SUPPORT", "CLOSED", "IN_SCREENING", "RECEIVED");
        // Small numbers per area and outcome: what the reports' suppression is for.
        assertThat(facts.stream().collect(Collectors.groupingBy(f -> f.get("area") + "/" + f.get("status"),
                Collectors.counting())).values()).anyMatch(count -> count < 5);
        assertThat(facts).filteredOn(f -> Boolean.TRUE.equals(f.get("legal_hold"))).hasSize(1);
        assertThat(Sql.count("SELECT count(*) FROM referral WHERE id IN (" + ids + ") AND reviews_done = 2")).isGreaterThanOrEqualTo(4);
        assertThat(Sql.count("SELECT count(*) FROM support_plan_revision WHERE revision = 2 AND referral_id IN (" + ids + ")"))
                .isGreaterThanOrEqualTo(1);

        // The demo panel member sits on every panel, so sees the open cases, and only those.
        Set<String> open = Sql.rows("SELECT id FROM referral WHERE status IN ('LISTED_FOR_PANEL', 'ADOPTED', "
                + "'CONSENT_GIVEN', 'IN_SUPPORT') AND id IN (" + ids + ")").stream().map(r -> r.get("id").toString())
                .collect(Collectors.toSet());
        assertThat(open).isNotEmpty();
        List<String> seen = demoUser(Roles.CHANNEL_PANEL).header("X-Access-Purpose", "Demo check").queryParam("size", 100)
                .get("/referrals").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(seen.stream().filter(referrals::contains)).containsExactlyInAnyOrderElementsOf(open);
    }
}
