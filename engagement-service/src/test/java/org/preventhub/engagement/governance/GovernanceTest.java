package org.preventhub.engagement.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.GovernanceFixtures.asLead;
import static org.preventhub.engagement.support.GovernanceFixtures.meeting;
import static org.preventhub.engagement.support.GovernanceFixtures.member;
import static org.preventhub.engagement.support.GovernanceFixtures.minutes;
import static org.preventhub.engagement.support.GovernanceFixtures.quarterlyBody;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GovernanceTest {

    @Test
    void aQuarterlyBodyThatMissedAMeetingShowsThreeOfFourHeldAgainstPlanned() {
        String body = quarterlyBody();
        String chair = member(body, "COUNCIL", "CHAIR");
        String police = member(body, "POLICE", "MEMBER");
        String health = member(body, "HEALTH", "MEMBER");
        for (String day : List.of("2019-12-10", "2020-03-10", "2020-06-09")) {
            asLead().body(minutes(List.of(chair, police), List.of(health))).post("/governance/meetings/" + meeting(body, day)
                    + "/minutes").then().statusCode(200).body("status", equalTo("HELD")).body("quorate", equalTo(true));
        }
        meeting(body, "2020-08-25"); // planned, never minuted: the missed one
        meeting(body, "2020-09-15"); // the next reporting year's

        as(Roles.ANALYST).queryParam("from", "2019-09-01").queryParam("to", "2020-08-31")
                .get("/governance/bodies/" + body + "/record").then().statusCode(200)
                .body("planned", equalTo(4)).body("held", equalTo(3)).body("inquorate", equalTo(0))
                .body("meetings", hasSize(4));
        // Half a year of a quarterly body plans two meetings.
        asLead().queryParam("from", "2019-09-01").queryParam("to", "2020-02-29").get("/governance/bodies/" + body + "/record")
                .then().statusCode(200).body("planned", equalTo(2)).body("held", equalTo(1));
    }

    @Test
    void anActionArisingFromTheMinutesIsPublishedAsAnEventForTheActionPlan() {
        String body = quarterlyBody();
        String chair = member(body, "COUNCIL", "CHAIR");
        String college = member(body, "COLLEGE", "MEMBER");
        String owner = organisation("COUNCIL");
        Map<String, Object> minutes = minutes(List.of(chair, college), List.of());
        minutes.put("actions", List.of(Map.of("title", "Draft Local Area Prevent Assessments into 2021",
                "priority", "LEADERSHIP_GOVERNANCE", "ownerOrganisationId", owner, "dueOn", "2021-03-31")));
        String meeting = meeting(body, "2020-09-15");
        String action = asLead().body(minutes).post("/governance/meetings/" + meeting + "/minutes").then().statusCode(200)
                .body("actions", hasSize(1)).extract().path("actions[0].id");

        ReceivedEvent arising = KafkaEvents.forKey(Topics.ENGAGEMENT, action, 1, Duration.ofSeconds(30)).get(0);
        assertThat(arising.type()).isEqualTo(EngagementEventTypes.GOVERNANCE_ACTION_ARISING);
        assertThat(arising.data().get("title").asText()).isEqualTo("Draft Local Area Prevent Assessments into 2021");
        assertThat(arising.data().get("priority").asText()).isEqualTo("LEADERSHIP_GOVERNANCE");
        assertThat(arising.data().get("ownerOrganisationId").asText()).isEqualTo(owner);
        assertThat(arising.data().get("dueOn").asText()).isEqualTo("2021-03-31");
        assertThat(arising.data().get("raisedOn").asText()).isEqualTo("2020-09-15");
        assertThat(arising.data().get("bodyKind").asText()).isEqualTo("STRATEGY_GROUP");

        ReceivedEvent held = KafkaEvents.forKey(Topics.ENGAGEMENT, meeting, 1, Duration.ofSeconds(30)).get(0);
        assertThat(held.type()).isEqualTo(EngagementEventTypes.GOVERNANCE_MEETING_HELD);
        assertThat(held.data().get("quorate").asBoolean()).isTrue();
        assertThat(held.data().get("membersPresent").asInt()).isEqualTo(2);
        assertThat(held.data().get("actionsArising").asInt()).isEqualTo(1);
        assertThat(held.data().get("meetingsPerYear").asInt()).isEqualTo(4);
        // Members are people: the event counts them and names their organisations' types, never their user ids.
        assertThat(held.data().toString()).doesNotContain("userId").contains("COLLEGE");
    }

    @Test
    void anInquorateMeetingIsMinutedButTakesNoDecisionsAndDoesNotCountAsHeld() {
        String body = quarterlyBody();
        String chair = member(body, "COUNCIL", "CHAIR");
        String police = member(body, "POLICE", "MEMBER");
        String meeting = meeting(body, "2020-03-10");
        asLead().body(minutes(List.of(chair), List.of(police))).post("/governance/meetings/" + meeting + "/minutes")
                .then().statusCode(422).contentType("application/problem+json");
        Map<String, Object> noDecisions = minutes(List.of(chair), List.of(police));
        noDecisions.remove("decisions");
        asLead().body(noDecisions).post("/governance/meetings/" + meeting + "/minutes").then().statusCode(200)
                .body("quorate", equalTo(false)).body("apologies", hasSize(1));
        asLead().queryParam("from", "2019-09-01").queryParam("to", "2020-08-31").get("/governance/bodies/" + body + "/record")
                .then().body("held", equalTo(0)).body("inquorate", equalTo(1));
        // Minutes are written once.
        asLead().body(noDecisions).post("/governance/meetings/" + meeting + "/minutes").then().statusCode(409);
    }

    @Test
    void attendanceAndApologiesAreTheBodysOwnMembersEachListedOnce() {
        String body = quarterlyBody();
        String chair = member(body, "COUNCIL", "CHAIR");
        String outsider = member(quarterlyBody(), "POLICE", "MEMBER");
        String meeting = meeting(body, "2020-03-10");
        asLead().body(minutes(List.of(chair, outsider), List.of())).post("/governance/meetings/" + meeting + "/minutes")
                .then().statusCode(400).body("violations[0].field", equalTo("attended[1]"));
        asLead().body(minutes(List.of(chair), List.of(chair))).post("/governance/meetings/" + meeting + "/minutes")
                .then().statusCode(400).body("violations[0].field", equalTo("apologies[0]"));
        asLead().body(Map.of("meetsOn", "2020-03-10")).post("/governance/bodies/" + body + "/meetings").then()
                .statusCode(201);
        asLead().body(Map.of("organisationId", organisation("POLICE"), "role", "OVERLORD"))
                .post("/governance/bodies/" + body + "/members").then().statusCode(400)
                .body("violations[0].field", equalTo("role"));
    }

    @Test
    void onlyThePreventLeadKeepsTheGovernanceRecordAndTrainersDoNotReadIt() {
        String body = quarterlyBody();
        as(Roles.ENGAGEMENT_OFFICER).body(Map.of("meetsOn", "2020-03-10")).post("/governance/bodies/" + body + "/meetings")
                .then().statusCode(403);
        as(Roles.ENGAGEMENT_OFFICER).get("/governance/bodies/" + body).then().statusCode(200);
        as(Roles.TRAINER).get("/governance/bodies/" + body).then().statusCode(403);
        asLead().body(Map.of("name", "  " + as(Roles.ANALYST).get("/governance/bodies/" + body).then().statusCode(200)
                .extract().path("name"), "kind", "STRATEGY_GROUP", "meetingsPerYear", 4, "quorum", 2))
                .post("/governance/bodies").then().statusCode(409);
    }
}
