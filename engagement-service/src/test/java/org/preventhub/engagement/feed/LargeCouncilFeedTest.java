package org.preventhub.engagement.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.engagement.support.EngagementApi.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A council's whole back catalogue in one file: accepted at once (202) as a job whose progress can be followed, then
 * applied whole, and resent with some figures changed, with every record, day, partner link, attendance figure and
 * outbox event where it should be.
 */
@QuarkusTest
class LargeCouncilFeedTest {

    private static final int RECORDS = 20_000;
    private static final String HEADER = "recordId,title,eventType,date,days,area,attendance,partners\n";

    private final String source = "big-" + UUID.randomUUID().toString().substring(0, 8);
    private final String feedToken = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();

    private String file(String partner, int changeEvery) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < RECORDS; i++) {
            int attendance = 10 + i % 50 + (changeEvery > 0 && i % changeEvery == 0 ? 1 : 0);
            csv.append(source).append('-').append(i).append(",Community forum ").append(i).append(",COMMUNITY_FORUM,")
                    .append(java.time.LocalDate.of(2001, 1, 1).plusDays(i % 3000)).append(',').append(1 + i % 2)
                    .append(",rugby,").append(attendance).append(',').append(partner).append('\n');
        }
        return csv.toString();
    }

    /** Uploads without waiting, then follows the job until it finishes; returns it, with the progress seen. */
    private Map<String, Object> uploadAndFollow(String csv, List<Integer> progressSeen, List<String> statusesSeen) {
        Response accepted = given().auth().oauth2(feedToken).contentType("text/csv").body(csv).post("/feeds/events/imports");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).contains("/feeds/events/imports/");
        statusesSeen.add(accepted.path("status"));
        progressSeen.add(accepted.path("progressPercent"));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> job = given().auth().oauth2(feedToken).get(location).then().statusCode(200).extract()
                    .jsonPath().getMap("");
            statusesSeen.add((String) job.get("status"));
            progressSeen.add((Integer) job.get("progressPercent"));
            if (List.of("APPLIED", "REJECTED", "FAILED", "DUPLICATE", "VALIDATED").contains(job.get("status"))) {
                return job;
            }
            sleep(100);
        }
        throw new AssertionError("The import did not finish in time: " + statusesSeen);
    }

    @Test
    void aLargeFileIsAJobWithProgressAppliedWholeAndAResendCorrectsOnlyTheChangedFigures() {
        String partner = "Rugby Communities Team " + source;
        as(Roles.ENGAGEMENT_OFFICER).body(Map.of("name", partner, "type", "COUNCIL")).post("/organisations").then()
                .statusCode(201);

        List<Integer> progress = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        Map<String, Object> job = uploadAndFollow(file(partner, 0), progress, statuses);
        assertThat(job).containsEntry("status", "APPLIED").containsEntry("records", RECORDS)
                .containsEntry("created", RECORDS).containsEntry("updated", 0).containsEntry("rejected", 0)
                .containsEntry("progressPercent", 100);
        // Accepted before it was processed, and its progress only ever went forward.
        assertThat(statuses.get(0)).isIn("RECEIVED", "VALIDATING", "APPLYING");
        assertThat(progress).isSorted();

        long expectedAttendance = 0;
        for (int i = 0; i < RECORDS; i++) {
            expectedAttendance += 10 + i % 50;
        }
        assertThat(Sql.rows("""
                SELECT count(*) AS events, sum(attendance) AS attendance,
                       count(*) FILTER (WHERE status = 'HELD' AND area = 'rugby' AND attendance_counted_by = 'REGISTER') AS held,
                       (SELECT count(*) FROM community_event_day d JOIN community_event x ON x.id = d.event_id
                        WHERE x.source = ?) AS days,
                       (SELECT count(*) FROM community_event_partner p JOIN community_event x ON x.id = p.event_id
                        WHERE x.source = ? AND p.role = 'PARTNER') AS partners,
                       (SELECT count(*) FROM attendance_record r JOIN community_event x ON x.id = r.event_id
                        WHERE x.source = ? AND r.kind = 'RECORDED') AS recorded,
                       (SELECT count(*) FROM outbox_event o
                        WHERE o.type = ? AND o.payload->'event'->>'source' = ?) AS published
                FROM community_event e WHERE e.source = ?""", source, source, source,
                EngagementEventTypes.EVENT_HELD, source, source).get(0))
                .containsEntry("events", (long) RECORDS).containsEntry("held", (long) RECORDS)
                .containsEntry("attendance", expectedAttendance).containsEntry("days", (long) RECORDS * 3 / 2)
                .containsEntry("partners", (long) RECORDS).containsEntry("recorded", (long) RECORDS)
                .containsEntry("published", (long) RECORDS);

        // The same catalogue with one figure in ten recounted: only those change, each with a correction.
        Map<String, Object> resent = uploadAndFollow(file(partner, 10), new ArrayList<>(), new ArrayList<>());
        assertThat(resent).containsEntry("status", "APPLIED").containsEntry("created", 0)
                .containsEntry("updated", RECORDS / 10).containsEntry("ignored", RECORDS - RECORDS / 10);
        assertThat(Sql.count("""
                SELECT count(*) FROM attendance_record r JOIN community_event x ON x.id = r.event_id
                WHERE x.source = ? AND r.kind = 'CORRECTED' AND r.reason = 'Council feed from ' || x.source""", source))
                .isEqualTo(RECORDS / 10);
        assertThat(Sql.count("""
                SELECT count(*) FROM outbox_event WHERE type = ? AND payload->'event'->>'source' = ?
                  AND (payload->>'previousAttendance')::int = (payload->'event'->>'attendance')::int - 1""",
                EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED, source)).isEqualTo(RECORDS / 10);
        assertThat(Sql.count("SELECT sum(attendance) FROM community_event WHERE source = ?", source))
                .isEqualTo(expectedAttendance + RECORDS / 10);
        // Let the relay publish the 22,000 events before the next test class waits on Kafka for its own.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Sql.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") > 0
                && System.nanoTime() < deadline) {
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
