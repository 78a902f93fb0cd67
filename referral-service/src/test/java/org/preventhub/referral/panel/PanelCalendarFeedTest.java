package org.preventhub.referral.panel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.referral.support.ReferralApi.as;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.support.ReferralBuilder;

import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

/** A panel member's meetings in their calendar program, by a secret URL, and nothing about anyone referred. */
@QuarkusTest
class PanelCalendarFeedTest {

    @Test
    void aMembersFeedListsTheirPanelsWithoutAnyReferralAndRefusesAReplacedOrRevokedSecret() {
        String member = "feed-member-" + UUID.randomUUID().toString().substring(0, 8);
        UUID mine = panel(member);
        UUID theirs = panel("someone-else-" + UUID.randomUUID().toString().substring(0, 8));
        ReferralBuilder person = aReferral();
        UUID referral = refer("feed-school", person.build());
        step(referral, "start-screening").statusCode(200);
        step(referral, "list-for-panel").statusCode(200);
        String reference = asLead().body(Map.of("referralId", referral)).post("/panels/" + mine + "/agenda").then()
                .statusCode(200).extract().path("agenda[0].reference");

        String url = asMember(member).post("/panels/me/calendar-url").then().statusCode(201).extract().path("url");
        assertThat(url).contains("/api/referrals/calendar-feeds/");
        String path = url.substring(url.indexOf("/calendar-feeds/"));
        String ics = given().get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();

        Calendar feed = parse(ics);
        assertThat(feed.getComponents("VEVENT")).hasSize(1);
        assertThat(ics).contains("UID:panel-" + mine, "SUMMARY:Channel panel", "/panels/" + mine)
                .doesNotContain(theirs.toString(), referral.toString(), reference, person.name(), "feed-school");
        asMember(member).get("/panels/me/calendar-url").then().statusCode(200);

        String replaced = asMember(member).post("/panels/me/calendar-url").then().statusCode(201).extract().path("url");
        given().get(path).then().statusCode(404);
        String current = replaced.substring(replaced.indexOf("/calendar-feeds/"));
        given().get(current).then().statusCode(200);

        asMember(member).delete("/panels/me/calendar-url").then().statusCode(204);
        given().get(current).then().statusCode(404).contentType("application/problem+json");
        asMember(member).get("/panels/me/calendar-url").then().statusCode(404);
        asMember(member).delete("/panels/me/calendar-url").then().statusCode(404);
    }

    @Test
    void aPanellistWhoSitsOnNoPanelGetsAnEmptyFeedAndAReferrerCannotMakeOne() {
        panel("someone-" + UUID.randomUUID().toString().substring(0, 8));
        String nobody = "no-panels-" + UUID.randomUUID().toString().substring(0, 8);
        String url = asMember(nobody).post("/panels/me/calendar-url").then().statusCode(201).extract().path("url");
        String ics = given().get(url.substring(url.indexOf("/calendar-feeds/"))).then().statusCode(200).extract().asString();
        assertThat(parse(ics).getComponents("VEVENT")).isEmpty();

        as(Roles.REFERRER, "feed-school", "feed-referrer").post("/panels/me/calendar-url").then().statusCode(403);
        given().get("/calendar-feeds/short").then().statusCode(400);
    }

    private static RequestSpecification asMember(String username) {
        return as(Roles.CHANNEL_PANEL, "warwickshire-police", username);
    }

    private static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new AssertionError("not a calendar a program can read: " + e.getMessage(), e);
        }
    }
}
