package org.preventhub.platform.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.platform.testapp.NotesApi.as;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The feed contract where it lives, through the test application's {@code notes} feed: dry runs, a file applied
 * whole or not at all (across many chunks), every rejected line with its number and reason, repeated records, a file
 * or batch sent twice, and the sender's codes mapped, never guessed (training's CompletionFeedTest and engagement's
 * CouncilEventFeedTest show the same for their feeds).
 */
@QuarkusTest
class FeedImportsTest {

    private static final String HEADER = "recordId,text,date,mode,topic\n";
    private String source;
    private String feedToken;

    @BeforeEach
    void aSenderOfItsOwn() {
        source = "sender-" + UUID.randomUUID().toString().substring(0, 8);
        feedToken = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
    }

    private ValidatableResponse upload(String contentType, String body, boolean dryRun) {
        return given().auth().oauth2(feedToken).contentType(contentType).header("Prefer", "wait=60")
                .queryParam("dryRun", dryRun).body(body).post("/feeds/notes/imports").then();
    }

    private ValidatableResponse upload(String csv, boolean dryRun) {
        return upload("text/csv", csv, dryRun);
    }

    /** {@code count} good lines, record ids 1 to count. */
    private String lines(int count, String text) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= count; i++) {
            csv.append(source).append('-').append(i).append(',').append(text).append(' ').append(i)
                    .append(",2020-01-").append(10 + i % 20).append(",online,GENERAL\n");
        }
        return csv.toString();
    }

    private long stored() {
        return Sql.count("SELECT count(*) FROM note WHERE source = ?", source);
    }

    private long published() {
        return Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid IN (SELECT id::text FROM note WHERE source = ?)",
                source);
    }

    @Test
    void aDryRunCountsAndStoresNothingThenTheFileIsAppliedWholeOnceAndAResendIsANoOp() {
        String csv = lines(250, "note");
        upload(csv, true).statusCode(200).body("status", equalTo("VALIDATED")).body("dryRun", equalTo(true))
                .body("records", equalTo(250)).body("created", equalTo(250));
        assertThat(stored()).isZero();

        String id = upload(csv, false).statusCode(200).body("status", equalTo("APPLIED")).body("created", equalTo(250))
                .body("updated", equalTo(0)).body("ignored", equalTo(0)).extract().path("id");
        assertThat(stored()).isEqualTo(250);
        assertThat(published()).isEqualTo(250);
        given().auth().oauth2(feedToken).get("/feeds/notes/imports/" + id).then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("records", equalTo(250));

        upload(csv, false).statusCode(200).body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(id));
        assertThat(published()).isEqualTo(250);

        String oneChanged = csv.replace(source + "-7,note 7,", source + "-7,note seven,");
        upload(oneChanged, false).statusCode(200).body("status", equalTo("APPLIED")).body("updated", equalTo(1))
                .body("ignored", equalTo(249)).body("created", equalTo(0));
        assertThat(Sql.rows("SELECT text FROM note WHERE source = ? AND external_id = ?", source, source + "-7"))
                .containsExactly(Map.of("text", "note seven"));
        assertThat(published()).isEqualTo(251);
    }

    @Test
    void aFileWithBadLinesIsRejectedWholeWithEachLineAndItsReasonEvenAfterChunksWereWritten() {
        String csv = lines(300, "note")
                .replace(source + "-150,note 150,2020-01-20,", source + "-150,note 150," + LocalDate.now().plusDays(5) + ",")
                .replace(source + "-200,note 200,2020-01-10,online", source + "-200,note 200,2020-01-10,by carrier pigeon")
                .replace(source + "-280,", source + "-3,");
        upload(csv, false).statusCode(200).body("status", equalTo("REJECTED")).body("records", equalTo(300))
                .body("rejected", equalTo(3))
                .body("rejections.line", equalTo(List.of(151, 201, 281)))
                .body("rejections[0].reason", containsString("date is in the future"))
                .body("rejections[1].reason", containsString("mode must be one of"))
                .body("rejections[2].reason", equalTo("repeats the record of line 4 (same record id)"));
        assertThat(stored()).isZero();
        assertThat(published()).isZero();
    }

    @Test
    void aJsonBatchIsAppliedOnceByItsBatchIdWhateverItHolds() {
        String batch = """
                {"batchId": "%1$s-b1", "records": [
                  {"recordId": "%1$s-1", "text": "from json", "date": "2021-03-04", "mode": "classroom"}
                ]}""".formatted(source);
        upload("application/json", batch, false).statusCode(200).body("status", equalTo("APPLIED")).body("created", equalTo(1));
        assertThat(Sql.rows("SELECT text, mode FROM note WHERE source = ?", source))
                .containsExactly(Map.of("text", "from json", "mode", "IN_PERSON"));
        upload("application/json", batch.replace("from json", "changed"), false).statusCode(200)
                .body("status", equalTo("DUPLICATE"));
        assertThat(Sql.rows("SELECT text FROM note WHERE source = ?", source)).containsExactly(Map.of("text", "from json"));
    }

    @Test
    void theSendersOwnCodeIsRejectedNamingItsKindUntilTheTeamMapsIt() {
        String csv = HEADER + source + "-1,urgent note,2020-02-02,,URG\n";
        upload(csv, true).statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejections[0].reason", containsString("kind 'topic'"));
        as(Roles.PREVENT_LEAD).body(Map.of("internalCode", "URGENT")).put("/feeds/mappings/" + source + "/topic/URG")
                .then().statusCode(200);
        upload(csv, false).statusCode(200).body("status", equalTo("APPLIED")).body("created", equalTo(1));
        assertThat(Sql.rows("SELECT mode FROM note WHERE source = ?", source)).hasSize(1)
                .allSatisfy(row -> assertThat(row.get("mode")).isNull());
    }

    @Test
    void anEmptyFileOrAnotherMediaTypeIsAProblemAndNoJob() {
        upload("", false).statusCode(400).contentType("application/problem+json");
        upload("application/xml", "<notes/>", false).statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(feedToken).get("/feeds/notes/imports").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("totalItems", equalTo(0));
    }
}
