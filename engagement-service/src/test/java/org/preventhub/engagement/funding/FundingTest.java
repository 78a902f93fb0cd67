package org.preventhub.engagement.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.heldEvent;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.FundingFixtures.award;
import static org.preventhub.engagement.support.FundingFixtures.project;

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

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FundingTest {

    @Test
    void aProjectIsPausedThenToBeReEstablishedAndItsAwardsShowWhatEachFunded() {
        String workshop = heldEvent("Safe and Secure workshop " + UUID.randomUUID(), 24);
        String name = "Safe and Secure " + UUID.randomUUID();
        String project = as(Roles.PREVENT_LEAD).body(project(name, "RUNNING", "2019-11-14", List.of(workshop)))
                .post("/funding/projects").then().statusCode(201).extract().path("id");
        as(Roles.PREVENT_LEAD).body(Map.of("status", "PAUSED", "since", "2020-03-23", "reason", "COVID-19"))
                .post("/funding/projects/" + project + "/status").then().statusCode(200);
        as(Roles.PREVENT_LEAD).body(Map.of("status", "RUNNING", "since", "2020-01-01"))
                .post("/funding/projects/" + project + "/status").then().statusCode(400)
                .body("violations.field", hasItem("since"));
        as(Roles.PREVENT_LEAD).body(Map.of("status", "TO_BE_RE_ESTABLISHED", "since", "2020-09-01",
                "reason", "As and when conditions allow")).post("/funding/projects/" + project + "/status").then()
                .statusCode(200).body("status", equalTo("TO_BE_RE_ESTABLISHED"))
                .body("history.status", equalTo(List.of("RUNNING", "PAUSED", "TO_BE_RE_ESTABLISHED")))
                .body("events", equalTo(List.of(workshop)));

        String ctu = organisation("POLICE");
        String award = as(Roles.PREVENT_LEAD).body(award(ctu, "7500.00", List.of(project))).post("/funding/awards").then()
                .statusCode(201).body("projects.name", equalTo(List.of(name))).extract().path("id");
        as(Roles.ANALYST).get("/funding/projects/" + project).then().statusCode(200)
                .body("awards.id", equalTo(List.of(award))).body("awards[0].amount", equalTo(7500.0f));
        as(Roles.ANALYST).get("/funding/awards?funderId=" + ctu).then().body("items.id", equalTo(List.of(award)));
        as(Roles.ANALYST).get("/funding/awards?projectId=" + project).then().body("items.id", equalTo(List.of(award)));

        ReceivedEvent awarded = KafkaEvents.forKey(Topics.ENGAGEMENT, award, 1, Duration.ofSeconds(30)).get(0);
        assertThat(awarded.type()).isEqualTo(EngagementEventTypes.FUNDING_AWARDED);
        assertThat(awarded.data().get("amount").decimalValue()).isEqualByComparingTo("7500.00");
        assertThat(awarded.data().get("funderType").asText()).isEqualTo("POLICE");
        assertThat(awarded.data().get("projects").get(0).asText()).isEqualTo(name);
        List<ReceivedEvent> changes = KafkaEvents.forKey(Topics.ENGAGEMENT, project, 3, Duration.ofSeconds(30));
        assertThat(changes).extracting(ReceivedEvent::type).containsOnly(EngagementEventTypes.PROJECT_CHANGED);
        assertThat(changes.get(2).data().get("status").asText()).isEqualTo("TO_BE_RE_ESTABLISHED");
    }

    @Test
    void anAwardFromNoKnownFunderOrForAnUnknownProjectOrEndingBeforeItStartsIsRefusedNamingTheField() {
        String funder = organisation("FUNDER");
        as(Roles.PREVENT_LEAD).body(award(UUID.randomUUID().toString(), "100.00", List.of())).post("/funding/awards").then()
                .statusCode(400).body("violations.field", hasItem("funderId"));
        as(Roles.PREVENT_LEAD).body(award(funder, "100.00", List.of(UUID.randomUUID().toString()))).post("/funding/awards")
                .then().statusCode(400).body("violations.field", hasItem("projects[0]"));
        Map<String, Object> backwards = award(funder, "100.00", List.of());
        backwards.put("endsOn", "2019-01-01");
        as(Roles.PREVENT_LEAD).body(backwards).post("/funding/awards").then().statusCode(400)
                .body("violations.field", hasItem("endsOn"));
        as(Roles.PREVENT_LEAD).body(award(funder, "100.001", List.of())).post("/funding/awards").then().statusCode(400);
        as(Roles.PREVENT_LEAD).body(project("P " + UUID.randomUUID(), "RUNNING", "2019-11-14",
                List.of(UUID.randomUUID().toString()))).post("/funding/projects").then().statusCode(400)
                .body("violations.field", hasItem("events[0]"));
        as(Roles.ANALYST).get("/funding/awards?funderId=" + funder).then().body("items", org.hamcrest.Matchers.empty());
    }
}
