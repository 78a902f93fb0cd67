package org.preventhub.engagement.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.asOfficer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrganisationTest {

    @Test
    void anOrganisationIsRegisteredWithItsContactButTheEventCarriesNoContactDetails() {
        String name = "Rugby Mosque " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", "FAITH_GROUP", "area", "rugby",
                "contactName", "Imam Example", "contactEmail", "imam@mosque.example.org", "contactPhone", "01788 000000"));
        String id = asOfficer().body(body).post("/organisations").then().statusCode(201)
                .body("contactEmail", equalTo("imam@mosque.example.org")).body("active", equalTo(true)).extract().path("id");

        ReceivedEvent registered = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 1, Duration.ofSeconds(30)).get(0);
        assertThat(registered.type()).isEqualTo(EngagementEventTypes.ORGANISATION_REGISTERED);
        assertThat(registered.data().get("type").asText()).isEqualTo("FAITH_GROUP");
        assertThat(registered.data().get("area").asText()).isEqualTo("rugby");
        assertThat(registered.data().toString()).doesNotContain("Imam", "imam@", "01788");
    }

    @Test
    void aDeploymentsOwnOrganisationTypesAreAcceptedAndListsFilterByTypeAreaAndActive() {
        // The test profile adds MOSQUE_COUNCIL as a deployment would, through HUB_ENGAGEMENT_EXTRA_ORGANISATION_TYPES.
        as(Roles.ANALYST).get("/vocabulary").then().statusCode(200)
                .body("organisationTypes", hasItem("MOSQUE_COUNCIL")).body("organisationTypes", hasItem("FAITH_GROUP"))
                .body("eventTypes", hasItem("PEACE_WALK"));
        String name = "Mosque council " + UUID.randomUUID();
        String id = asOfficer().body(Map.of("name", name, "type", "MOSQUE_COUNCIL", "area", "stratford-on-avon"))
                .post("/organisations").then().statusCode(201).extract().path("id");
        as(Roles.ANALYST).queryParam("type", "MOSQUE_COUNCIL").queryParam("area", "stratford-on-avon").queryParam("size", 100)
                .get("/organisations").then().statusCode(200).body("items.id", hasItem(id));
        asOfficer().header("If-Match", "\"0\"").body(Map.of("name", name, "type", "MOSQUE_COUNCIL", "area", "stratford-on-avon",
                "active", false)).put("/organisations/" + id).then().statusCode(200).body("active", equalTo(false));
        as(Roles.ANALYST).queryParam("type", "MOSQUE_COUNCIL").queryParam("active", true).queryParam("size", 100)
                .get("/organisations").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void changingAnOrganisationPublishesAnUpdateNotASecondRegistrationAndStillNoContactDetails() {
        String name = "Youth club " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", "VOLUNTARY_SECTOR", "area", "warwick",
                "contactEmail", "youth@club.example.org"));
        String id = asOfficer().body(body).post("/organisations").then().statusCode(201).extract().path("id");
        body.put("type", "FAITH_GROUP");
        body.put("active", false);
        body.put("contactPhone", "01926 222222");
        asOfficer().header("If-Match", "\"0\"").body(body).put("/organisations/" + id).then().statusCode(200)
                .body("type", equalTo("FAITH_GROUP"));

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type).containsExactly(EngagementEventTypes.ORGANISATION_REGISTERED,
                EngagementEventTypes.ORGANISATION_UPDATED);
        assertThat(events.get(1).data().get("type").asText()).isEqualTo("FAITH_GROUP");
        assertThat(events.get(1).data().get("active").asBoolean()).isFalse();
        assertThat(events.get(1).data().get("organisationId").asText()).isEqualTo(id);
        assertThat(events.toString()).doesNotContain("youth@", "01926");
    }
}
