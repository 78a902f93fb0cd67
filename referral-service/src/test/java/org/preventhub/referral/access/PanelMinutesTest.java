package org.preventhub.referral.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.preventhub.referral.support.ReferralApi.PURPOSE;
import static org.preventhub.referral.support.ReferralApi.adopted;
import static org.preventhub.referral.support.ReferralApi.as;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.support.ReferralApi;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Panel minutes are personal data: read with a purpose, and by a member only while the case is open. */
@QuarkusTest
class PanelMinutesTest {

    private static RequestSpecification member(String username) {
        return as(Roles.CHANNEL_PANEL, "warwickshire-police", username);
    }

    @Test
    void aMemberIsKnownToPanelsByTheSameUserIdThePanelListsThemBy() {
        String username = "me-member-" + UUID.randomUUID().toString().substring(0, 6);
        UUID panel = panel(username);
        String userId = member(username).get("/panels/me").then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("id")))
                .body("panels", hasItem(panel.toString()))
                .extract().path("userId");
        assertThat(userId).isEqualTo(ReferralApi.userId(username));
        asLead().header(PURPOSE, "Arranging the panel").get("/panels/" + panel).then().statusCode(200)
                .body("members.userId", hasItem(userId));
    }

    @Test
    void aMemberReadsMinutesOnlyWithAPurposeAndLosesSightOfTheCaseWhenItCloses() {
        String username = "minutes-member-" + UUID.randomUUID().toString().substring(0, 6);
        UUID panel = panel(username);
        UUID referral = adopted(refer("minutes-school", aReferral().adult().build()), panel);

        member(username).get("/panels/" + panel).then().statusCode(400)
                .body("violations[0].field", equalTo("X-Access-Purpose"));
        member(username).header(PURPOSE, "Preparing the consent visit").get("/panels/" + panel).then().statusCode(200)
                .body("agenda.referralId", hasItem(referral.toString()))
                .body("agenda.find { it.referralId == '" + referral + "' }.minutes", equalTo("Adopted; mentoring agreed."));
        assertThat(Sql.rows("SELECT purpose FROM access_log WHERE referral_id = ? AND fields = 'panelAgenda,panelMinutes'",
                referral)).extracting(row -> row.get("purpose")).containsExactly("Preparing the consent visit");

        // Consent refused: the case closes, and with it the member's view of it.
        step(referral, "consent", Map.of("consentGiven", false)).statusCode(200);
        member(username).header(PURPOSE, "Panel follow-up").get("/panels/" + panel).then().statusCode(200)
                .body("agenda.referralId", not(hasItem(referral.toString())));
        member(username).header(PURPOSE, "Panel follow-up").get("/panels").then().statusCode(200)
                .body("agenda.flatten().referralId", not(hasItem(referral.toString())));
        member(username).header(PURPOSE, "Panel follow-up").get("/referrals/" + referral).then().statusCode(404);
        member(username).header(PURPOSE, "Panel follow-up").get("/referrals/" + referral + "/history").then().statusCode(404);
        member(username).body(Map.of("decision", "ADOPTED", "minutes", "Reconsidered"))
                .post("/panels/" + panel + "/agenda/" + referral + "/decision").then().statusCode(404);

        // The Prevent lead still sees it all.
        asLead("Consent refusal follow-up").get("/panels/" + panel).then().statusCode(200)
                .body("agenda.find { it.referralId == '" + referral + "' }.minutes", equalTo("Adopted; mentoring agreed."));
        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE purpose = 'Channel panel record'")).isZero();
    }

    @Test
    void listsAndTheAnswersOfChangesCarryNoMinutes() {
        UUID panel = panel();
        UUID referral = refer("minutes-school", aReferral().build());
        step(referral, "start-screening").statusCode(200);
        step(referral, "list-for-panel").statusCode(200);
        asLead().body(Map.of("referralId", referral)).post("/panels/" + panel + "/agenda").then().statusCode(200);
        asLead().body(Map.of("decision", "NOT_ADOPTED_SIGNPOSTED", "minutes", "Early help instead."))
                .post("/panels/" + panel + "/agenda/" + referral + "/decision").then().statusCode(200)
                .body("agenda.minutes", everyItem(nullValue()));
        asLead().get("/panels").then().statusCode(200).body("agenda.flatten().minutes", everyItem(nullValue()));
        asLead().get("/panels/" + panel).then().statusCode(200).body("agenda[0].minutes", equalTo("Early help instead."));
    }
}
