package org.preventhub.engagement.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.engagement.support.EngagementApi.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.engagement.support.EngagementApi;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.DemoDataPlan;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The seed report's engagement year (September 2019 – August 2020), entered through the API from the local stack's
 * demo data file exactly as {@code ./hub start} loads it; the report's figures come back out, and every record's
 * events reach Kafka once.
 */
@QuarkusTest
class EngagementYearTest {

    @Test
    void theReportsEngagementYearGoesInThroughTheApiAndEachRecordsEventsReachKafkaOnce() {
        DemoDataPlan plan = DemoDataPlan.of("engagement-service");
        // Every record created, with the events it must publish (a held step adds to its event's list).
        Map<String, List<String>> expected = new LinkedHashMap<>();
        plan.replay(EngagementApi::as, (step, response) -> {
            assertThat(step.method()).isIn("POST", "PUT");
            String id = response.path("id");
            String path = step.path();
            if (path.equals("/organisations")) {
                expected.put(id, new ArrayList<>(List.of(EngagementEventTypes.ORGANISATION_REGISTERED)));
            } else if (path.equals("/events")) {
                expected.put(id, new ArrayList<>(List.of(EngagementEventTypes.EVENT_PLANNED)));
            } else if (path.endsWith("/held")) {
                expected.get(id).add(EngagementEventTypes.EVENT_HELD);
            } else if (path.equals("/communications")) {
                expected.put(id, new ArrayList<>(List.of(EngagementEventTypes.COMMUNICATION_PUBLISHED)));
            }
        });
        Map<String, String> refs = plan.refs();

        // The year's events, as an analyst lists them (only this file's: other tests share the database).
        List<Map<String, Object>> year = as(Roles.ANALYST).queryParam("from", "2019-09-01").queryParam("to", "2020-08-31")
                .queryParam("size", 100).get("/events").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(e -> expected.containsKey(e.get("id"))).toList();
        assertThat(year).allSatisfy(e -> assertThat(e.get("status")).isEqualTo("HELD"));

        List<Map<String, Object>> weStandTogether = titled(year, "We Stand Together");
        assertThat(weStandTogether).hasSize(3);
        assertThat(weStandTogether).extracting(e -> e.get("area"))
                .containsExactlyInAnyOrder("nuneaton-and-bedworth", "rugby", "warwick");
        assertThat(weStandTogether.stream().mapToInt(e -> (Integer) e.get("attendance")).sum()).isEqualTo(147);

        List<Map<String, Object>> safeAndSecure = titled(year, "Safe and Secure");
        assertThat(safeAndSecure).hasSize(2);
        assertThat(safeAndSecure.get(0).get("dates")).isEqualTo(List.of("2019-11-14"));
        assertThat(safeAndSecure.get(0).get("venue")).isEqualTo("Leamington and Warwick Sikh Temple");
        assertThat(safeAndSecure).allSatisfy(e -> {
            assertThat(e.get("attendance")).isNull(); // the report gives no figure
            assertThat(roleOf(e, refs.get("wmctu"))).isEqualTo("FUNDER");
        });

        assertThat(year.stream().filter(e -> e.get("type").equals("COMMUNITY_FORUM")).map(e -> e.get("area")).toList())
                .hasSize(7).allMatch(area -> area.equals("warwick") || area.equals("rugby"));
        assertThat(year.stream().filter(e -> e.get("type").equals("BUSINESS_EVENT")).map(e -> e.get("area")).toList())
                .containsExactlyInAnyOrder("warwick", "stratford-on-avon");
        assertThat(titled(year, "Inter-faith Well-being conference")).singleElement()
                .satisfies(e -> assertThat(e.get("dates").toString()).contains("2019-10"));

        Map<String, Object> conference = titled(year, "Annual Prevent conference").get(0);
        assertThat(conference.get("attendance")).isEqualTo(100);
        assertThat(conference.get("attendanceCountedBy")).isEqualTo("BOOKINGS");

        Map<String, Object> cava = titled(year, "Prevent awareness session, Rugby hub").get(0);
        assertThat(cava.get("area")).isEqualTo("rugby");
        assertThat(cava.get("dates").toString()).contains("2020-03");
        assertThat(roleOf(cava, refs.get("cava"))).isEqualTo("ORGANISER");

        Map<String, Object> gameOn = titled(year, "Game On").get(0);
        assertThat(gameOn.get("attendance")).isEqualTo(220);
        assertThat((List<?>) gameOn.get("dates")).hasSize(9).allMatch(day -> day.toString().startsWith("2020-01"));
        assertThat(gameOn.get("priority")).isEqualTo("SAFE_EDUCATION");
        assertThat(roleOf(gameOn, refs.get("pcc"))).isEqualTo("FUNDER");
        assertThat(roleOf(gameOn, refs.get("reveal"))).isNotNull();

        assertThat(year.stream().filter(e -> e.get("type").equals("FOCUS_GROUP")).map(e -> e.get("dates").toString()).toList())
                .hasSize(2).anyMatch(d -> d.contains("2019-10")).anyMatch(d -> d.contains("2020-07"));

        // Communications: three Prevent newsletters (one the July 2020 COVID-19 bulletin), Head's Up each quarter,
        // supportive posts after attacks (incident responses), and web updates.
        List<Map<String, Object>> newsletters = communications("channel", "NEWSLETTER", expected);
        assertThat(newsletters).hasSize(3).anySatisfy(c -> {
            assertThat(c.get("publishedOn").toString()).startsWith("2020-07");
            assertThat(c.get("title").toString()).contains("COVID-19");
        });
        List<Map<String, Object>> headsUp = communications("channel", "SCHOOLS_NEWSLETTER", expected);
        assertThat(headsUp).hasSize(4);
        // The county council issues the newsletters: each links to it as organiser.
        assertThat(newsletters).allSatisfy(c -> assertThat(roleOf(c, refs.get("wcc"))).isEqualTo("ORGANISER"));
        assertThat(headsUp).allSatisfy(c -> assertThat(roleOf(c, refs.get("wcc"))).isEqualTo("ORGANISER"));
        List<Map<String, Object>> incidents = communications("incidentResponse", "true", expected);
        assertThat(incidents).isNotEmpty().allSatisfy(c -> assertThat(c.get("channel")).isEqualTo("SOCIAL_POST"));
        assertThat(communications("channel", "WEB_UPDATE", expected)).isNotEmpty();

        // Each record's events reached Kafka once, in order.
        int count = expected.values().stream().mapToInt(List::size).sum();
        List<ReceivedEvent> published = KafkaEvents.await(Topics.ENGAGEMENT, e -> expected.containsKey(e.key()), count,
                Duration.ofSeconds(90));
        Map<String, List<String>> byRecord = published.stream().collect(Collectors.groupingBy(ReceivedEvent::key,
                LinkedHashMap::new, Collectors.mapping(ReceivedEvent::type, Collectors.toList())));
        assertThat(byRecord).isEqualTo(expected);

        JsonNode gameOnHeld = published.stream().filter(e -> e.key().equals(gameOn.get("id"))
                && e.type().equals(EngagementEventTypes.EVENT_HELD)).findFirst().orElseThrow().data().get("event");
        assertThat(gameOnHeld.get("attendance").asInt()).isEqualTo(220);
        assertThat(gameOnHeld.get("dates")).hasSize(9);
        assertThat(gameOnHeld.get("type").asText()).isEqualTo("SCHOOL_PROJECT");
        assertThat(gameOnHeld.get("area").asText()).isEqualTo("nuneaton-and-bedworth");
        assertThat(gameOnHeld.get("priority").asText()).isEqualTo("SAFE_EDUCATION");
        assertThat(gameOnHeld.get("audience").asText()).isEqualTo("EDUCATION");
        assertThat(gameOnHeld.get("partnerTypes").toString()).contains("SCHOOL", "FUNDER");
        JsonNode newsletterPublished = published.stream().filter(e -> e.key().equals(newsletters.get(0).get("id")))
                .findFirst().orElseThrow().data().get("communication");
        assertThat(newsletterPublished.get("partnerTypes").toString()).isEqualTo("[\"COUNCIL\"]");

        theYearsGovernanceIsOnRecord(refs);
    }

    /**
     * Priority 2 of the same file: the Strategy Group's four quarterly meetings, the register (Terms of Reference
     * updated September 2019 and reviewed September 2020, the CTLP of February 2020 and its quarterly updates, the
     * draft Local Area Prevent Assessments, the action plan), the self-assessment's trend and the funded projects,
     * each published for reporting's priority 2 figures.
     */
    private static void theYearsGovernanceIsOnRecord(Map<String, String> refs) {
        as(Roles.ANALYST).queryParam("from", "2019-09-01").queryParam("to", "2020-08-31")
                .get("/governance/bodies/" + refs.get("sg") + "/record").then().statusCode(200)
                .body("planned", org.hamcrest.Matchers.equalTo(4)).body("held", org.hamcrest.Matchers.equalTo(4))
                .body("meetings.meetsOn", org.hamcrest.Matchers.contains("2019-09-17", "2019-12-10", "2020-06-16", "2020-07-14"));

        Map<String, Object> tor = as(Roles.ANALYST).get("/documents/" + refs.get("torSg")).then().statusCode(200).extract()
                .jsonPath().getMap("");
        assertThat(tor).containsEntry("lastReviewedOn", "2020-09-15").containsEntry("documentVersion", "2020.1")
                .containsEntry("nextReviewDue", "2021-09-15");
        Map<String, Object> ctlp = as(Roles.PREVENT_LEAD).get("/documents/" + refs.get("ctlp")).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(ctlp).containsEntry("issuedOn", "2020-02-13").containsEntry("marking", "OFFICIAL-SENSITIVE");
        as(Roles.TRAINER).get("/documents/" + refs.get("ctlp")).then().statusCode(403);
        List<Map<String, Object>> updates = as(Roles.PREVENT_LEAD).queryParam("type", "CTLP_UPDATE").queryParam("size", 100)
                .get("/documents").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")
                .stream().filter(d -> refs.containsValue(d.get("id"))).toList();
        assertThat(updates).extracting(d -> d.get("reviewCycleMonths")).containsOnly(3);
        assertThat(updates).hasSize(2);
        List<Map<String, Object>> assessments = as(Roles.PREVENT_LEAD).queryParam("type", "LOCAL_AREA_PREVENT_ASSESSMENT")
                .queryParam("size", 100).get("/documents").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(d -> refs.containsValue(d.get("id"))).toList();
        assertThat(assessments).extracting(d -> d.get("area")).containsExactlyInAnyOrder("north-warwickshire",
                "nuneaton-and-bedworth", "rugby", "stratford-on-avon", "warwick");
        assertThat(assessments).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("DRAFT"));
        // Nothing of the seed year was overdue for review at its end.
        assertThat(as(Roles.ANALYST).queryParam("on", "2020-08-31").queryParam("size", 100).get("/documents/overdue").then()
                .statusCode(200).extract().jsonPath().<String>getList("items.id")).doesNotContainAnyElementsOf(refs.values());

        // The county council's self-assessment against the toolkit: 24 of 40 for 2018/19, 31 of 40 for 2019/20.
        List<Map<String, Object>> trend = as(Roles.ANALYST).queryParam("framework", "HOME_OFFICE_PREVENT_TOOLKIT")
                .queryParam("organisationId", refs.get("wcc")).get("/assessments/trend").then().statusCode(200).extract()
                .jsonPath().getList("years");
        assertThat(trend).extracting(y -> y.get("year"), y -> y.get("score"), y -> y.get("maxScore"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2018, 24, 40), org.assertj.core.groups.Tuple.tuple(2019, 31, 40));

        Map<String, Object> safeAndSecure = as(Roles.ANALYST).get("/funding/projects/" + refs.get("safeSecure")).then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertThat(safeAndSecure.get("status")).isEqualTo("TO_BE_RE_ESTABLISHED");
        assertThat(safeAndSecure.get("awards").toString()).contains(refs.get("wmctu"));
        Map<String, Object> gameOn = as(Roles.ANALYST).get("/funding/projects/" + refs.get("gameOn")).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(gameOn.get("awards").toString()).contains(refs.get("pcc"), refs.get("wmctu"));

        // What reporting's priority 2 figures are made of: four meetings held, quorate, of a quarterly body, and the
        // July meeting's action arising for the action plan.
        List<ReceivedEvent> held = KafkaEvents.await(Topics.ENGAGEMENT, e -> e.type().equals(EngagementEventTypes.GOVERNANCE_MEETING_HELD)
                && refs.get("sg").equals(e.data().get("bodyId").asText()), 4, Duration.ofSeconds(60));
        assertThat(held).allSatisfy(e -> {
            assertThat(e.data().get("quorate").asBoolean()).isTrue();
            assertThat(e.data().get("meetingsPerYear").asInt()).isEqualTo(4);
        });
        assertThat(KafkaEvents.await(Topics.ENGAGEMENT, e -> e.type().equals(EngagementEventTypes.GOVERNANCE_ACTION_ARISING)
                && refs.get("sg").equals(e.data().get("bodyId").asText()), 1, Duration.ofSeconds(60)).get(0).data()
                .get("title").asText()).contains("quarterly CTLP update");
    }

    private static List<Map<String, Object>> titled(List<Map<String, Object>> events, String prefix) {
        return events.stream().filter(e -> e.get("title").toString().startsWith(prefix))
                .sorted((a, b) -> a.get("dates").toString().compareTo(b.get("dates").toString())).toList();
    }

    private static Object roleOf(Map<String, Object> event, String organisationId) {
        return ((List<?>) event.get("partners")).stream().map(p -> (Map<?, ?>) p)
                .filter(p -> p.get("organisationId").equals(organisationId)).map(p -> p.get("role")).findFirst().orElse(null);
    }

    private static List<Map<String, Object>> communications(String filter, String value, Map<String, List<String>> ours) {
        return as(Roles.ANALYST).queryParam(filter, value).queryParam("from", "2019-09-01").queryParam("to", "2020-08-31")
                .queryParam("size", 100).get("/communications").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(c -> ours.containsKey(c.get("id"))).toList();
    }

}
