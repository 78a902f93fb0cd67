package org.preventhub.training.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.TrainingApi.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.training.support.CompletionFile;
import org.preventhub.training.support.CourseBuilder;
import org.preventhub.training.support.TrainingApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CompletionFeedTest {

    private String source;
    private String courseCode;
    private String feedToken;

    @BeforeEach
    void aCouncilAndACourse() {
        source = "council-" + UUID.randomUUID().toString().substring(0, 8);
        courseCode = CourseBuilder.aCourse().build().code();
        TrainingApi.createCourse(CourseBuilder.aCourse().code(courseCode).build());
        feedToken = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
    }

    private ValidatableResponse upload(String body, String contentType, boolean dryRun) {
        return given().auth().oauth2(feedToken).contentType(contentType).header("Prefer", "wait=60")
                .queryParam("dryRun", dryRun).body(body)
                .post("/feeds/completions/imports").then();
    }

    private long stored() {
        return Sql.count("SELECT count(*) FROM completion_record WHERE source = ?", source);
    }

    private CompletionFile tenThousandWithThreeBad() {
        CompletionFile file = CompletionFile.withPrefix(source).good(10_003, courseCode);
        CompletionFile.Line good = file.get(100);
        file.replace(100, new CompletionFile.Line(good.recordId(), good.person(), good.email(), good.sector(),
                "NO-SUCH-COURSE", good.date(), good.mode(), good.area(), "yes"));
        good = file.get(5000);
        file.replace(5000, new CompletionFile.Line(good.recordId(), good.person(), good.email(), good.sector(),
                courseCode, "14/05/2020", good.mode(), good.area(), "yes"));
        good = file.get(9999);
        file.replace(9999, new CompletionFile.Line(good.recordId(), good.person(), good.email(), good.sector(),
                courseCode, good.date(), "by carrier pigeon", good.area(), "yes"));
        return file;
    }

    @Test
    void aDryRunReportsEachBadLineByNumberAndStoresNothing() {
        upload(tenThousandWithThreeBad().csv(), "text/csv", true)
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("dryRun", equalTo(true))
                .body("records", equalTo(10_003))
                .body("rejected", equalTo(3))
                .body("rejections.line", equalTo(List.of(101, 5001, 10000)))
                .body("rejections[0].reason", containsString("courseCode"))
                .body("rejections[1].reason", containsString("YYYY-MM-DD"))
                .body("rejections[2].reason", containsString("mode"))
                .body("rejections.reason", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(containsString("pigeon"))));
        assertThat(stored()).isZero();
    }

    @Test
    void aFileWithBadLinesIsRejectedWholeAndTheCorrectedFileIsAppliedOnce() {
        CompletionFile file = tenThousandWithThreeBad();
        upload(file.csv(), "text/csv", false).statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(stored()).isZero();
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'source' = ?",
                TrainingEventTypes.COMPLETION_RECORDED, source)).isZero();

        CompletionFile fixed = CompletionFile.withPrefix(source).good(10_003, courseCode);
        upload(fixed.csv(), "text/csv", true).statusCode(200)
                .body("status", equalTo("VALIDATED")).body("created", equalTo(10_003));
        assertThat(stored()).isZero();

        String importId = upload(fixed.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("created", equalTo(10_003)).body("updated", equalTo(0)).body("rejected", equalTo(0))
                .extract().path("id");
        assertThat(stored()).isEqualTo(10_003);

        // The same file again changes nothing.
        upload(fixed.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(importId));
        assertThat(stored()).isEqualTo(10_003);
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'source' = ?",
                TrainingEventTypes.COMPLETION_RECORDED, source)).isEqualTo(10_003);
    }

    @Test
    void unknownCouncilCodesAreReportedNotGuessedUntilTheyAreMapped() {
        CompletionFile file = CompletionFile.withPrefix(source).good(3, "WDC-PREV-UPD");
        upload(file.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejected", equalTo(3))
                .body("rejections[0].reason", containsString("no mapping"));

        as(Roles.PREVENT_LEAD).body(Map.of("internalCode", courseCode))
                .put("/feeds/mappings/" + source + "/course/WDC-PREV-UPD").then().statusCode(200);
        upload(file.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("APPLIED")).body("created", equalTo(3));
        assertThat(Sql.rows("SELECT DISTINCT c.code FROM completion_record r JOIN course c ON c.id = r.course_id WHERE r.source = ?", source))
                .containsExactly(Map.of("code", courseCode));
    }

    @Test
    void aResentRecordUpdatesItAndAnIdenticalOneIsIgnored() {
        CompletionFile first = CompletionFile.withPrefix(source).good(3, courseCode);
        upload(first.csv(), "text/csv", false).statusCode(200).body("status", equalTo("APPLIED"));

        CompletionFile.Line line = first.get(2);
        CompletionFile corrected = CompletionFile.withPrefix(source).good(3, courseCode)
                .replace(2, new CompletionFile.Line(line.recordId(), line.person(), line.email(), line.sector(),
                        line.courseCode(), line.date(), line.mode(), line.area(), "no"))
                .line(new CompletionFile.Line(source + "-new", "New Person", "new@example.org", "POLICE", courseCode,
                        "2020-06-01", "in-person", "rugby", "yes"));
        upload(corrected.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("ignored", equalTo(2));
        assertThat(Sql.count("SELECT count(*) FROM completion_record WHERE source = ? AND NOT completed", source)).isEqualTo(1);
    }

    @Test
    void twoLinesForTheSameRecordAreADuplicate() {
        CompletionFile file = CompletionFile.withPrefix(source).good(3, courseCode);
        file.line(file.get(1));
        upload(file.csv(), "text/csv", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections[0].line", equalTo(5))
                .body("rejections[0].reason", containsString("line 2"));
    }

    @Test
    void jsonWithABatchIdIsAppliedOncePerBatchAndItsEventsCarryNoNameOrEmail() {
        CompletionFile file = CompletionFile.withPrefix(source).good(4, courseCode);
        String batch = "batch-" + UUID.randomUUID();
        String id = upload(file.json(batch), "application/json", false).statusCode(200)
                .body("status", equalTo("APPLIED")).body("batchId", equalTo(batch)).body("created", equalTo(4))
                .extract().path("id");

        // The same batch id with different content is still the same batch.
        upload(CompletionFile.withPrefix(source + "x").good(2, courseCode).json(batch), "application/json", false)
                .statusCode(200).body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(id));

        List<ReceivedEvent> events = KafkaEvents.await(Topics.TRAINING,
                e -> e.type().equals(TrainingEventTypes.COMPLETION_RECORDED) && source.equals(e.data().path("source").asText()),
                4, Duration.ofSeconds(30));
        assertThat(events).hasSize(4);
        assertThat(events.get(0).data().get("courseCode").asText()).isEqualTo(courseCode);
        assertThat(events).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("Attendee", "@example.org"));
        KafkaEvents.await(Topics.TRAINING, e -> e.type().equals(TrainingEventTypes.FEED_BATCH_APPLIED)
                && id.equals(e.key()), 1, Duration.ofSeconds(30));
    }

    @Test
    void aLargeUploadAnswersAcceptedWithProgressToPoll() {
        String location = given().auth().oauth2(feedToken).contentType("text/csv")
                .body(CompletionFile.withPrefix(source).good(2_000, courseCode).csv())
                .post("/feeds/completions/imports").then().statusCode(202)
                .header("Location", containsString("/feeds/completions/imports/"))
                .extract().header("Location");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(feedToken).get(location).then().statusCode(200)
                        .body("status", equalTo("APPLIED")).body("progressPercent", equalTo(100)));
    }

    @Test
    void onlyFeedClientsUploadAndEachSeesOnlyItsOwnImports() {
        String csv = CompletionFile.withPrefix(source).good(1, courseCode).csv();
        as(Roles.TRAINER).contentType("text/csv").body(csv).post("/feeds/completions/imports").then().statusCode(403)
                .contentType("application/problem+json");
        as(Roles.PREVENT_LEAD).contentType("text/csv").body(csv).post("/feeds/completions/imports").then().statusCode(403);
        given().auth().oauth2(TestTokens.as(Roles.FEED).token()).contentType("text/csv").body(csv)
                .post("/feeds/completions/imports").then().statusCode(403);
        given().auth().oauth2(feedToken).contentType("application/xml").body("<x/>")
                .post("/feeds/completions/imports").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(feedToken).contentType("text/csv").body(csv)
                .post("/feeds/no-such-feed/imports").then().statusCode(404);

        String id = upload(csv, "text/csv", false).statusCode(200).extract().path("id");
        String otherCouncil = TestTokens.as(Roles.FEED).agency("another-council").token();
        given().auth().oauth2(otherCouncil).get("/feeds/completions/imports/" + id).then().statusCode(404);
        given().auth().oauth2(feedToken).get("/feeds/completions/imports/" + id).then().statusCode(200);
        as(Roles.PREVENT_LEAD).get("/feeds/completions/imports/" + id).then().statusCode(200);
        as(Roles.FEED).body(Map.of("internalCode", "x")).put("/feeds/mappings/" + source + "/course/X").then().statusCode(403);
    }

    @Test
    void aMalformedFileIsRejectedWithTheLineWhereItBreaks() {
        upload("recordId,person,colour\nA,B,blue\n", "text/csv", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections[0].line", equalTo(1))
                .body("rejections[0].reason", containsString("unknown column 'colour'"));
        upload("[{\"recordId\": \"a\",\n \"person\": ", "application/json", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections[0].reason", containsString("JSON"));
    }
}
