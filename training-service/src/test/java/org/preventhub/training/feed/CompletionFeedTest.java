package org.preventhub.training.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.TrainingApi.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.feed.FeedRecord.Delivery;
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

    /**
     * The one table of delivery words both feeds read (CouncilEventFeedTest sends the same words to the events feed):
     * "classroom" is in person here as it is there, and however it is capitalised or spaced.
     */
    @Test
    void classroomAndEveryOtherWordForAModeIsReadAsTheEventsFeedReadsIt() {
        List<String> words = new ArrayList<>(FeedRecord.DELIVERY_WORDS.keySet());
        words.addAll(List.of("Classroom", "face to face", "E_Learning"));
        CompletionFile file = CompletionFile.withPrefix(source).good(words.size(), courseCode);
        for (int i = 0; i < words.size(); i++) {
            file.replace(i + 1, file.get(i + 1).withMode(words.get(i)));
        }
        upload(file.csv(), "text/csv", false).statusCode(200).body("status", equalTo("APPLIED"))
                .body("created", equalTo(words.size()));
        for (int i = 0; i < words.size(); i++) {
            Delivery delivery = FeedRecord.DELIVERY_WORDS.get(words.get(i).toLowerCase().replace('_', '-').replace(' ', '-'));
            assertThat(Sql.rows("SELECT mode, elearning FROM completion_record WHERE source = ? AND external_id = ?",
                    source, file.get(i + 1).recordId()))
                    .as(words.get(i))
                    .containsExactly(Map.of("mode", delivery.online() ? "ONLINE" : "IN_PERSON",
                            "elearning", delivery == Delivery.E_LEARNING));
        }
        assertThat(FeedRecord.DELIVERY_WORDS.get("classroom")).isEqualTo(Delivery.IN_PERSON);
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
                TrainingEventTypes.COMPLETIONS_RECORDED, source)).isZero();

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
        // Every record once, in parts of at most 500.
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'source' = ?",
                TrainingEventTypes.COMPLETIONS_RECORDED, source)).isEqualTo(21);
        assertThat(Sql.count("""
                SELECT count(DISTINCT r.id) FROM outbox_event e,
                    json_array_elements_text(e.payload->'records'->'recordId') AS r(id)
                WHERE e.type = ? AND e.payload->>'source' = ?""", TrainingEventTypes.COMPLETIONS_RECORDED, source))
                .isEqualTo(10_003);
    }

    @Test
    void unknownCouncilCodesAreReportedNotGuessedUntilTheyAreMapped() {
        CompletionFile file = CompletionFile.withPrefix(source).good(3, "WDC-PREV-UPD");
        upload(file.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejected", equalTo(3))
                .body("rejections[0].reason", equalTo("courseCode has no mapping for source '" + source
                        + "' (kind 'course'); ask the Prevent team to map the code this line gives"));

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
        String second = upload(corrected.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("APPLIED"))
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("ignored", equalTo(2))
                .extract().path("id");
        // The import's key carries its one part (the created and the updated record), then its summary.
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, second, 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type)
                .containsExactly(TrainingEventTypes.COMPLETIONS_RECORDED, TrainingEventTypes.FEED_BATCH_APPLIED);
        assertThat(events.get(0).data().get("records").get("completed")).extracting(c -> c.asBoolean())
                .containsExactlyInAnyOrder(false, true);
        var counts = events.get(1).data();
        assertThat(List.of(counts.get("created").asLong(), counts.get("updated").asLong(), counts.get("ignored").asLong()))
                .containsExactly(1L, 1L, 2L);
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
    void aRecordRepeatedChunksApartRejectsTheFileWholeThoughItsFirstLinesWereAlreadyWritten() {
        // Chunks of 100 in tests: the record of line 4 is written long before line 952 repeats it.
        CompletionFile file = CompletionFile.withPrefix(source).good(1_000, courseCode);
        file.replace(951, file.get(3));
        upload(file.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(952))
                .body("rejections[0].reason", equalTo("repeats the record of line 4 (same record id)"));
        assertThat(stored()).isZero();
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE payload->>'source' = ?", source)).isZero();
    }

    @Test
    void aHeldRecordSentTwiceInOneFileIsRejectedAndKeepsItsValues() {
        CompletionFile first = CompletionFile.withPrefix(source).good(3, courseCode);
        upload(first.csv(), "text/csv", false).statusCode(200).body("status", equalTo("APPLIED"));

        CompletionFile.Line held = first.get(1);
        CompletionFile.Line changed = new CompletionFile.Line(held.recordId(), held.person(), held.email(), held.sector(),
                held.courseCode(), held.date(), held.mode(), held.area(), "no");
        CompletionFile resent = CompletionFile.withPrefix(source + "-more").good(400, courseCode)
                .replace(1, changed).replace(300, changed);
        upload(resent.csv(), "text/csv", false).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections.line", equalTo(List.of(301)));
        assertThat(stored()).isEqualTo(3);
        assertThat(Sql.count("SELECT count(*) FROM completion_record WHERE source = ? AND NOT completed", source)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'source' = ?",
                TrainingEventTypes.FEED_BATCH_APPLIED, source)).isEqualTo(1);
    }

    @Test
    void aDryRunOfAResentFileCountsWhatItWouldCreateUpdateAndLeaveAndWritesNothing() {
        CompletionFile first = CompletionFile.withPrefix(source).good(3, courseCode);
        upload(first.csv(), "text/csv", false).statusCode(200).body("status", equalTo("APPLIED"));
        long events = Sql.count("SELECT count(*) FROM outbox_event WHERE payload->>'source' = ?", source);

        CompletionFile.Line line = first.get(3);
        CompletionFile resent = CompletionFile.withPrefix(source).good(3, courseCode)
                .replace(3, new CompletionFile.Line(line.recordId(), line.person(), line.email(), line.sector(),
                        line.courseCode(), line.date(), "in-person", line.area(), line.completed()))
                .good(250, courseCode);
        upload(resent.csv(), "text/csv", true).statusCode(200)
                .body("status", equalTo("VALIDATED"))
                .body("created", equalTo(250)).body("updated", equalTo(1)).body("ignored", equalTo(2));
        assertThat(stored()).isEqualTo(3);
        assertThat(Sql.count("SELECT count(*) FROM completion_record WHERE source = ? AND mode = 'IN_PERSON'", source)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE payload->>'source' = ?", source)).isEqualTo(events);
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
                e -> e.type().equals(TrainingEventTypes.COMPLETIONS_RECORDED) && source.equals(e.data().path("source").asText()),
                1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        var records = events.get(0).data().get("records");
        assertThat(events.get(0).key()).isEqualTo(id);
        assertThat(events.get(0).data().get("importId").asText()).isEqualTo(id);
        assertThat(records.get("recordId")).hasSize(4);
        assertThat(records.get("courseCode")).allSatisfy(code -> assertThat(code.asText()).isEqualTo(courseCode));
        assertThat(records.get("sector")).hasSize(4);
        assertThat(events).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("Attendee", "@example.org"));
        List<ReceivedEvent> applied = KafkaEvents.await(Topics.TRAINING, e -> e.type().equals(TrainingEventTypes.FEED_BATCH_APPLIED)
                && id.equals(e.key()), 1, Duration.ofSeconds(30));
        assertThat(applied).hasSize(1);
        var counts = applied.get(0).data();
        assertThat(counts.get("importId").asText()).isEqualTo(id);
        assertThat(counts.get("feed").asText()).isEqualTo("completions");
        assertThat(counts.get("source").asText()).isEqualTo(source);
        assertThat(counts.get("created").asLong()).isEqualTo(4);
        assertThat(counts.get("updated").asLong()).isZero();
        assertThat(counts.get("ignored").asLong()).isZero();
        // The duplicate batch applied nothing, so it published nothing either.
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'source' = ?",
                TrainingEventTypes.FEED_BATCH_APPLIED, source)).isEqualTo(1);
    }

    @Test
    void aLargeUploadAnswersAcceptedWithProgressToPoll() {
        int lines = 30_000;
        String location = given().auth().oauth2(feedToken).contentType("text/csv")
                .body(CompletionFile.withPrefix(source).good(lines, courseCode).csv())
                .post("/feeds/completions/imports").then().statusCode(202)
                .header("Location", containsString("/feeds/completions/imports/"))
                .extract().header("Location");

        // Poll as a client would; progress is written every 250 records in tests (hub.feeds.progress-every).
        List<int[]> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String status = "";
        while (!status.equals("APPLIED") && System.nanoTime() < deadline) {
            var job = given().auth().oauth2(feedToken).get(location).then().statusCode(200).extract().jsonPath();
            status = job.getString("status");
            seen.add(new int[] { job.getInt("progressPercent"), job.getInt("records") });
            assertThat(status).isIn("RECEIVED", "VALIDATING", "APPLYING", "APPLIED");
        }
        assertThat(status).isEqualTo("APPLIED");
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)[0]).as("progress never goes back").isGreaterThanOrEqualTo(seen.get(i - 1)[0]);
            assertThat(seen.get(i)[1]).as("records never go back").isGreaterThanOrEqualTo(seen.get(i - 1)[1]);
        }
        assertThat(seen.get(seen.size() - 1)).containsExactly(100, lines);
        assertThat(seen).as("a value between the start and the end: " + seen.stream().map(java.util.Arrays::toString).toList())
                .anySatisfy(p -> assertThat(p[1]).isBetween(1, lines - 1));
        assertThat(seen).anySatisfy(p -> assertThat(p[0]).isBetween(1, 99));
    }

    @Test
    void codeMappingsArePagedAndAFeedClientSeesOnlyItsOwn() {
        for (String code : List.of("A-1", "B-2", "C-3")) {
            as(Roles.PREVENT_LEAD).body(Map.of("internalCode", courseCode)).put("/feeds/mappings/" + source + "/course/" + code)
                    .then().statusCode(200).body("externalCode", equalTo(code));
        }
        as(Roles.PREVENT_LEAD).queryParam("source", source).queryParam("size", 2).get("/feeds/mappings").then()
                .statusCode(200).body("items.externalCode", org.hamcrest.Matchers.contains("A-1", "B-2"))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        as(Roles.PREVENT_LEAD).queryParam("source", source).queryParam("sort", "externalCode,desc").get("/feeds/mappings")
                .then().body("items.externalCode", org.hamcrest.Matchers.contains("C-3", "B-2", "A-1"));
        given().auth().oauth2(feedToken).queryParam("source", "another-council").get("/feeds/mappings").then()
                .statusCode(200).body("totalItems", equalTo(3)).body("items.source", org.hamcrest.Matchers.everyItem(equalTo(source)));
        as(Roles.PREVENT_LEAD).queryParam("sort", "updatedBy").get("/feeds/mappings").then().statusCode(400)
                .contentType("application/problem+json");
        as(Roles.PREVENT_LEAD).delete("/feeds/mappings/" + source + "/course/B-2").then().statusCode(204);
        as(Roles.PREVENT_LEAD).queryParam("source", source).get("/feeds/mappings").then().body("totalItems", equalTo(2));
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

    /**
     * A quoted field with a line break in it (RFC 4180) stays one field of one row: the file of three records
     * whose third is bad is rejected for that record alone, at the line it starts on (the first record takes two
     * lines: CR, LF and CRLF each end one), and once corrected it is stored with the line break inside the name.
     */
    private void aLineBreakInsideQuotesStaysInItsField(String lineBreak, String rowEnding) {
        String person = "Sam" + lineBreak + " Taylor";
        CompletionFile file = CompletionFile.withPrefix(source).good(3, courseCode);
        file.replace(1, file.get(1).withPerson(person));
        CompletionFile bad = CompletionFile.withPrefix(source).good(3, courseCode);
        bad.replace(1, file.get(1)).replace(3, bad.get(3).withMode("by carrier pigeon"));

        upload(bad.csv(rowEnding), "text/csv", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("records", equalTo(3))
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(5))
                .body("rejections[0].reason", containsString("mode"));
        upload(file.csv(rowEnding), "text/csv", false).statusCode(200)
                .body("status", equalTo("APPLIED")).body("created", equalTo(3));
        assertThat(Sql.rows("SELECT person_name FROM completion_record WHERE source = ? AND external_id = ?",
                source, file.get(1).recordId())).containsExactly(Map.of("person_name", person));
    }

    @Test
    void aCarriageReturnInsideQuotesStaysInItsField() {
        aLineBreakInsideQuotesStaysInItsField("\r", "\n");
    }

    @Test
    void aLineFeedInsideQuotesStaysInItsField() {
        aLineBreakInsideQuotesStaysInItsField("\n", "\n");
    }

    @Test
    void aCrlfInsideQuotesStaysInItsField() {
        aLineBreakInsideQuotesStaysInItsField("\r\n", "\n");
    }

    @Test
    void aFileWithCrlfRowEndingsIsReadRowByRowWithItsLineNumbers() {
        aLineBreakInsideQuotesStaysInItsField("\r\n", "\r\n");
    }

    @Test
    void aFileWithCrlfRowEndingsKeepsACarriageReturnInsideQuotes() {
        aLineBreakInsideQuotesStaysInItsField("\r", "\r\n");
    }

    @Test
    void blankLinesBetweenRecordsDoNotShiftTheLineNumbersOfLaterRejections() {
        CompletionFile file = CompletionFile.withPrefix(source).good(3, courseCode);
        file.replace(2, file.get(2).withMode("by carrier pigeon"));
        String csv = file.csv();
        int afterFirstRecord = csv.indexOf('\n', csv.indexOf('\n') + 1) + 1;
        // Lines 3 and 4 are blank, so the bad record is on line 5; and the file ends with a blank line.
        csv = csv.substring(0, afterFirstRecord) + "\n\n" + csv.substring(afterFirstRecord) + "\n";
        upload(csv, "text/csv", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("records", equalTo(3))
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(5))
                .body("rejections[0].reason", containsString("mode"));
    }

    private static final String EXPECTED_FIELDS = "expected recordId, person, email, organisation, sector, courseCode, "
            + "date, mode, area, completed";

    @Test
    void rejectionsNameAColumnOrFieldByItsPositionAndNeverRepeatWhatTheSenderWrote() {
        upload("recordId,<img src=x onerror=alert(1)>,person\nA,B,C\n", "text/csv", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections[0].line", equalTo(1))
                .body("rejections[0].reason", equalTo("the file cannot be read: column 2 of the header is not a field "
                        + "of this feed; " + EXPECTED_FIELDS));

        String unknownField = "[\n {\"recordId\": \"b\", \"pers0n-<b>\": \"Sam\"}]";
        upload(unknownField, "application/json", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections.line", equalTo(List.of(2)))
                .body("rejections[0].reason", equalTo("field 2 of the record is not a field of this feed; " + EXPECTED_FIELDS));

        upload("{\"batchId\": \"b-1\", \"<script>\": []}", "application/json", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections[0].reason", equalTo("the file cannot be read: member 2 of the top-level object is "
                        + "unexpected; a file is an array of records or {\"batchId\": ..., \"records\": [...]}"));
    }

    @Test
    void jsonBeyondTheParsersLimitsIsRejectedWholeWithAReasonNotFailed() {
        List<String> beyond = List.of(
                "[{\"recordId\": \"a\",\n \"person\": " + "[".repeat(1_200) + "]".repeat(1_200) + "}]", // nesting
                "[{\"recordId\": \"a\",\n \"person\": " + "9".repeat(1_100) + "}]",                    // a number
                "[{\"recordId\": \"a\",\n \"person\": \"" + "x".repeat(20_000_001) + "\"}]",           // a string
                "[{\"recordId\": \"a\",\n \"" + "x".repeat(50_001) + "\": \"Sam\"}]");                 // a name
        beyond.forEach(json -> upload(json, "application/json", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("error", org.hamcrest.Matchers.nullValue())
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(2))
                .body("rejections[0].reason", equalTo("the file cannot be read: the JSON goes beyond what a feed may hold "
                        + "here (at most 1000 levels of nesting, and names of 50000, numbers of 1000 and strings of "
                        + "20000000 characters)")));
    }

    @Test
    void aMalformedFileIsRejectedWithTheLineWhereItBreaks() {
        upload("recordId,person,colour\nA,B,blue\n", "text/csv", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections[0].line", equalTo(1))
                .body("rejections[0].reason", equalTo("the file cannot be read: column 3 of the header is not a field "
                        + "of this feed; " + EXPECTED_FIELDS));
        upload("[{\"recordId\": \"a\",\n \"person\": ", "application/json", true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejections[0].reason", containsString("JSON"));
    }

    @Test
    void everyFeedOperationWithoutATokenIsUnauthenticated() {
        String id = UUID.randomUUID().toString();
        List<String[]> operations = List.of(new String[] { "GET", "/feeds" },
                new String[] { "POST", "/feeds/completions/imports" }, new String[] { "GET", "/feeds/completions/imports" },
                new String[] { "GET", "/feeds/completions/imports/" + id },
                new String[] { "GET", "/feeds/completions/imports/" + id + "/rejections" },
                new String[] { "GET", "/feeds/mappings" }, new String[] { "PUT", "/feeds/mappings/council/course/X" },
                new String[] { "DELETE", "/feeds/mappings/council/course/X" });
        for (String[] operation : operations) {
            given().contentType("application/json").body("{\"internalCode\": \"X\"}")
                    .request(operation[0], operation[1]).then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:prevent-hub:problem:unauthenticated"));
        }
    }

    @Test
    void aMappingWhoseSourceOrKindIsLongerThanItsColumnIsNamedNotAFailure() {
        as(Roles.PREVENT_LEAD).body(Map.of("internalCode", "WRAP")).put("/feeds/mappings/" + "s".repeat(101) + "/course/X")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("100"));
        as(Roles.PREVENT_LEAD).delete("/feeds/mappings/council/" + "k".repeat(61) + "/X").then().statusCode(400)
                .body("violations[0].message", containsString("60"));
    }
}
