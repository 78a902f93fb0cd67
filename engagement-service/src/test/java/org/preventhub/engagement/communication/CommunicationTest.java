package org.preventhub.engagement.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.asOfficer;
import static org.preventhub.engagement.support.EngagementApi.communication;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.EngagementApi.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CommunicationTest {

    @Test
    void aSupportivePostAfterAnAttackIsPublishedWithItsReachPriorityAndIncidentFlag() {
        Map<String, Object> post = communication("Supportive message " + UUID.randomUUID());
        post.put("channel", "SOCIAL_POST");
        post.put("audience", "COMMUNITY");
        post.put("publishedOn", "2020-06-21");
        post.put("recipients", 1200);
        post.put("views", 3400);
        post.put("incidentResponse", true);
        String id = asOfficer().body(post).post("/communications").then().statusCode(201)
                .body("reach", equalTo(4600)).body("incidentResponse", equalTo(true)).extract().path("id");

        JsonNode published = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 1, Duration.ofSeconds(30)).get(0).data()
                .get("communication");
        assertThat(published.get("channel").asText()).isEqualTo("SOCIAL_POST");
        assertThat(published.get("audience").asText()).isEqualTo("COMMUNITY");
        assertThat(published.get("priority").asText()).isEqualTo("INTELLIGENCE_COMMUNICATIONS");
        assertThat(published.get("reach").asInt()).isEqualTo(4600);
        assertThat(published.get("incidentResponse").asBoolean()).isTrue();
        assertThat(published.get("publishedOn").asText()).isEqualTo("2020-06-21");
    }

    @Test
    void aCommunicationWithoutFiguresHasNoReachAndACorrectionIsPublishedAgainUnderTheSameId() {
        Map<String, Object> web = communication("Web update " + UUID.randomUUID());
        web.put("channel", "WEB_UPDATE");
        web.remove("recipients");
        String id = asOfficer().body(web).post("/communications").then().statusCode(201)
                .body("reach", equalTo(null)).extract().path("id");
        web.put("views", 250);
        asOfficer().header("If-Match", "\"0\"").body(web).put("/communications/" + id).then().statusCode(200)
                .body("reach", equalTo(250));
        asOfficer().header("If-Match", "\"0\"").body(web).put("/communications/" + id).then().statusCode(412);

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type).containsOnly(EngagementEventTypes.COMMUNICATION_PUBLISHED);
        assertThat(events.get(0).data().get("communication").get("reach").isNull()).isTrue();
        assertThat(events.get(1).data().get("communication").get("reach").asInt()).isEqualTo(250);
    }

    @Test
    void communicationsAreListedByChannelPriorityAudienceIncidentAndDaysAPageAtATime() {
        String channelTag = "Listing " + UUID.randomUUID();
        Map<String, Object> bulletin = communication(channelTag + " bulletin");
        bulletin.put("channel", "BULLETIN");
        bulletin.put("publishedOn", "2018-03-01");
        String bulletinId = publish(bulletin);
        Map<String, Object> press = communication(channelTag + " press");
        press.put("channel", "PRESS_RESPONSE");
        press.put("publishedOn", "2018-03-02");
        press.put("incidentResponse", true);
        press.put("audience", "COMMUNITY");
        String pressId = publish(press);

        as(Roles.REFERRER).queryParam("from", "2018-03-01").queryParam("to", "2018-03-02").queryParam("size", 100)
                .get("/communications").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(bulletinId, pressId));
        as(Roles.TRAINER).queryParam("from", "2018-03-01").queryParam("to", "2018-03-02").queryParam("incidentResponse", true)
                .queryParam("audience", "COMMUNITY").queryParam("channel", "PRESS_RESPONSE").get("/communications").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(pressId))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(bulletinId)));
        as(Roles.ANALYST).queryParam("from", "2018-03-01").queryParam("to", "2018-03-02").queryParam("size", 1)
                .queryParam("sort", "publishedOn,desc").get("/communications").then().statusCode(200)
                .body("size", equalTo(1)).body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void aCommunicationLinksToItsPartnerOrganisationsIsListedByPartnerAndPublishesOnlyTheirTypes() {
        String council = organisation("COUNCIL"); // registered with a contact email
        String funder = organisation("FUNDER");
        Map<String, Object> newsletter = communication("Partner newsletter " + UUID.randomUUID());
        newsletter.put("partners", List.of(Map.of("organisationId", council, "role", "ORGANISER"),
                Map.of("organisationId", funder, "role", "FUNDER"), Map.of("organisationId", council, "role", "PARTNER")));
        String id = asOfficer().body(newsletter).post("/communications").then().statusCode(201)
                .body("partners.organisationId", equalTo(List.of(council, funder, council)))
                .body("partners.role", equalTo(List.of("ORGANISER", "FUNDER", "PARTNER"))).extract().path("id");
        String other = publish(communication("Unrelated newsletter " + UUID.randomUUID()));

        as(Roles.ANALYST).queryParam("partner", council).queryParam("size", 100).get("/communications").then()
                .statusCode(200).body("items.id", equalTo(List.of(id)));
        as(Roles.ANALYST).get("/communications/" + id).then().body("partners.role", equalTo(List.of("ORGANISER",
                "FUNDER", "PARTNER")));

        // A correction replaces the links.
        newsletter.put("partners", List.of(Map.of("organisationId", funder, "role", "FUNDER")));
        asOfficer().header("If-Match", "\"0\"").body(newsletter).put("/communications/" + id).then().statusCode(200)
                .body("partners.organisationId", equalTo(List.of(funder)));
        as(Roles.ANALYST).queryParam("partner", council).get("/communications").then().body("totalItems", equalTo(0));

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 2, Duration.ofSeconds(30));
        JsonNode first = events.get(0).data().get("communication");
        assertThat(first.get("partnerTypes").toString()).isEqualTo("[\"COUNCIL\",\"FUNDER\"]");
        assertThat(events.get(1).data().get("communication").get("partnerTypes").toString()).isEqualTo("[\"FUNDER\"]");
        assertThat(events.toString()).doesNotContain("contact@org.example.org", council, funder);
        assertThat(KafkaEvents.forKey(Topics.ENGAGEMENT, other, 1, Duration.ofSeconds(30)).get(0).data()
                .get("communication").get("partnerTypes").toString()).isEqualTo("[]");
    }
}
