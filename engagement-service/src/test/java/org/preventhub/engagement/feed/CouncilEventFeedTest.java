package org.preventhub.engagement.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.preventhub.engagement.support.EngagementApi.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A borough's community team sends the events it held, in its own codes for areas and event types. */
@QuarkusTest
class CouncilEventFeedTest {

    private static final String HEADER = "recordId,title,eventType,date,days,area,attendance\n";

    private String source;
    private String feedToken;

    @BeforeEach
    void aBoroughWithItsCodesMapped() {
        source = "nbbc-" + UUID.randomUUID().toString().substring(0, 8);
        feedToken = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
        map("area", "NBBC", "nuneaton-and-bedworth");
        map("event-type", "CF", "COMMUNITY_FORUM");
        map("event-type", "WS", "WORKSHOP");
    }

    private void map(String kind, String code, String ours) {
        as(Roles.PREVENT_LEAD).body(Map.of("internalCode", ours)).put("/feeds/mappings/" + source + "/" + kind + "/" + code)
                .then().statusCode(200);
    }

    private ValidatableResponse upload(String csv, boolean dryRun) {
        return given().auth().oauth2(feedToken).contentType("text/csv").header("Prefer", "wait=60")
                .queryParam("dryRun", dryRun).body(csv).post("/feeds/events/imports").then();
    }

    private long stored() {
        return Sql.count("SELECT count(*) FROM community_event WHERE source = ?", source);
    }

    private long published() {
        return Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid IN "
                + "(SELECT id::text FROM community_event WHERE source = ?)", source);
    }

    private String line(String id, String type, String date, String area, String attendance) {
        return source + "-" + id + ",Community forum " + id + "," + type + "," + date + ",1," + area + "," + attendance + "\n";
    }

    @Test
    void aDryRunReportsAnUnknownAreaAnImpossibleDateANegativeAttendanceAndADuplicateEachWithItsLine() {
        String csv = HEADER
                + line("1", "CF", "2019-11-12", "NBBC", "35")          // line 2: good
                + line("2", "CF", "2019-11-19", "BEDWORTH-EAST", "20") // line 3: area code nobody mapped
                + line("3", "WS", "31/11/2019", "NBBC", "12")          // line 4: not a date we read
                + line("4", "CF", "2019-12-03", "NBBC", "-4")          // line 5: negative attendance
                + line("5", "CF", "2019-12-10", "NBBC", "18")          // line 6: good
                + line("1", "CF", "2019-11-12", "NBBC", "35");         // line 7: line 2 again
        upload(csv, true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("dryRun", equalTo(true))
                .body("records", equalTo(6))
                .body("rejected", equalTo(4))
                .body("rejections.line", equalTo(List.of(3, 4, 5, 7)))
                .body("rejections[0].reason", containsString("area"))
                .body("rejections[1].reason", containsString("YYYY-MM-DD"))
                .body("rejections[2].reason", containsString("attendance"))
                .body("rejections[3].reason", containsString("line 2"))
                .body("rejections.reason", everyItem(not(containsString("BEDWORTH-EAST"))));
        assertThat(stored()).isZero();

        // The same file for real is rejected whole: nothing stored, nothing published.
        upload(csv, false).statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(stored()).isZero();
    }

    @Test
    void anAppliedFileIsStoredOnceWithMappedCodesAndAResendIsANoOp() {
        String csv = HEADER + line("1", "CF", "2019-11-12", "NBBC", "35") + line("2", "WS", "2020-01-20", "NBBC", "14")
                + source + "-3,Schools project,WS,2020-01-13,5,rugby,120\n";
        upload(csv, true).statusCode(200).body("status", equalTo("VALIDATED")).body("created", equalTo(3));
        assertThat(stored()).isZero();

        String importId = upload(csv, false).statusCode(200).body("status", equalTo("APPLIED"))
                .body("created", equalTo(3)).body("updated", equalTo(0)).extract().path("id");
        assertThat(Sql.rows("SELECT type, area, status, attendance FROM community_event WHERE source = ? ORDER BY external_id",
                source)).containsExactly(
                        Map.of("type", "COMMUNITY_FORUM", "area", "nuneaton-and-bedworth", "status", "HELD", "attendance", 35),
                        Map.of("type", "WORKSHOP", "area", "nuneaton-and-bedworth", "status", "HELD", "attendance", 14),
                        Map.of("type", "WORKSHOP", "area", "rugby", "status", "HELD", "attendance", 120));
        assertThat(Sql.count("SELECT count(*) FROM community_event_day d JOIN community_event e ON e.id = d.event_id "
                + "WHERE e.source = ? AND e.external_id = ?", source, source + "-3")).isEqualTo(5);
        List<ReceivedEvent> held = KafkaEvents.await(Topics.ENGAGEMENT, e -> e.type().equals(EngagementEventTypes.EVENT_HELD)
                && source.equals(e.data().path("event").path("source").asText()), 3, Duration.ofSeconds(30));
        assertThat(held).hasSize(3);
        long publishedOnce = published();
        assertThat(publishedOnce).isEqualTo(3);

        // The same file again: a duplicate of the first import, nothing changes.
        upload(csv, false).statusCode(200).body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(importId));
        // The same records in another file (reordered): applied, every record ignored, nothing published.
        String reordered = HEADER + line("2", "WS", "2020-01-20", "NBBC", "14") + line("1", "CF", "2019-11-12", "NBBC", "35");
        upload(reordered, true).statusCode(200).body("status", equalTo("VALIDATED")).body("ignored", equalTo(2))
                .body("updated", equalTo(0)).body("created", equalTo(0));
        upload(reordered, false).statusCode(200).body("status", equalTo("APPLIED")).body("ignored", equalTo(2))
                .body("created", equalTo(0)).body("updated", equalTo(0));
        assertThat(stored()).isEqualTo(3);
        assertThat(published()).isEqualTo(publishedOnce);
    }

    @Test
    void aResentRecordWithANewCountCorrectsTheAttendanceAndKeepsTheHistory() {
        upload(HEADER + line("1", "CF", "2019-11-12", "NBBC", "35"), false).statusCode(200).body("status", equalTo("APPLIED"));
        upload(HEADER + line("1", "CF", "2019-11-12", "NBBC", "38"), false).statusCode(200)
                .body("status", equalTo("APPLIED")).body("updated", equalTo(1));
        String id = Sql.rows("SELECT id FROM community_event WHERE source = ?", source).get(0).get("id").toString();
        as(Roles.ANALYST).get("/events/" + id).then().statusCode(200)
                .body("attendance", equalTo(38))
                .body("attendanceHistory.attendance", equalTo(List.of(35, 38)))
                .body("attendanceHistory.kind", equalTo(List.of("RECORDED", "CORRECTED")));
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type)
                .containsExactly(EngagementEventTypes.EVENT_HELD, EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED);
        assertThat(events.get(1).data().get("previousAttendance").asInt()).isEqualTo(35);
    }

    @Test
    void theFeedDescribesItsFields() {
        given().auth().oauth2(feedToken).get("/feeds").then().statusCode(200)
                .body("find { it.name == 'events' }.fields.name", org.hamcrest.Matchers.hasItems("recordId", "eventType",
                        "area", "attendance"));
    }
}
