package org.preventhub.reporting.idempotency;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.IdempotencyContract;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.Write;
import org.preventhub.testing.openapi.ServiceDocument;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every state-changing POST and PUT of the reporting service honours {@code Idempotency-Key}, driven by its own
 * OpenAPI document: a new write without an entry in {@link #WRITES} fails {@link #everyWriteHasAnEntryInTheTable}.
 */
@QuarkusTest
class EveryWriteIsIdempotentTest {

    static final Map<String, String> READS = Map.of();

    static final Map<String, Supplier<Write>> WRITES = Map.ofEntries(
            entry("POST /actions", () -> Write.post("/actions").as(() -> as(Roles.PREVENT_LEAD))
                    .body(action("Promote the course")).otherBody(action("Promote the other course"))
                    .effect(() -> Sql.count("SELECT count(*) FROM recommended_action"))),
            entry("PUT /actions/{id}", () -> {
                String id = anAction();
                return Write.put("/actions/" + id).as(() -> as(Roles.PREVENT_LEAD))
                        .body(action("Renamed once")).otherBody(action("Renamed twice"))
                        .effect(() -> history(id));
            }),
            entry("POST /actions/{id}/progress", () -> {
                String id = anAction();
                return Write.post("/actions/" + id + "/progress").as(() -> as(Roles.PREVENT_LEAD))
                        .body(Map.of("on", "2020-07-15", "note", "Promoted in the July newsletter"))
                        .otherBody(Map.of("on", "2020-07-15", "note", "Promoted in the August newsletter"))
                        .effect(() -> history(id));
            }),
            entry("PUT /me/reminder-preferences", () -> {
                String lead = "idem-lead-" + UUID.randomUUID().toString().substring(0, 8);
                return Write.put("/me/reminder-preferences")
                        .as(() -> given().auth().oauth2(TestTokens.as(Roles.PREVENT_LEAD).username(lead)
                                .email(lead + "@warwickshire.example.org").token()))
                        .body(Map.of("delivery", "DAILY_DIGEST")).otherBody(Map.of("delivery", "IMMEDIATE"))
                        .effect(() -> Sql.count("SELECT count(*) FROM reminder_recipient WHERE user_id = ?",
                                "user-" + lead));
            }),
            entry("PUT /indicators/{id}", () -> {
                String id = "custom." + UUID.randomUUID().toString().substring(0, 6);
                return Write.put("/indicators/" + id).as(() -> as(Roles.PREVENT_LEAD))
                        .body(indicator(id, "Online sessions delivered"))
                        .otherBody(indicator(id, "Sessions delivered online"))
                        .effect(() -> Sql.count("SELECT count(*) FROM indicator WHERE id = ?", id)
                                + Sql.count("SELECT coalesce(sum(version), 0) FROM indicator WHERE id = ?", id));
            }),
            entry("POST /report-editions", () -> Write.post("/report-editions").as(() -> as(Roles.PREVENT_LEAD))
                    .body(Map.of("title", "Prevent annual report 2019/20", "year", 2019))
                    .otherBody(Map.of("title", "Prevent annual report 2020/21", "year", 2020))
                    .effect(() -> Sql.count("SELECT count(*) FROM report_edition"))),
            entry("PUT /report-editions/{id}/draft", () -> {
                String id = anEdition();
                return Write.put("/report-editions/" + id + "/draft").as(() -> as(Roles.PREVENT_LEAD))
                        .body(Map.of("introduction", "A year of change.")).otherBody(Map.of("introduction", "A hard year."))
                        .effect(() -> Sql.count("SELECT count(*) FROM report_edition_draft WHERE edition_id = ?::uuid", id));
            }),
            entry("POST /report-editions/{id}/publish", () -> {
                String id = anEdition();
                return Write.post("/report-editions/" + id + "/publish").as(() -> as(Roles.PREVENT_LEAD)).bodiless()
                        .effect(() -> Sql.count("SELECT coalesce(sum(version), 0) FROM report_edition WHERE id = ?::uuid", id));
            }),
            entry("POST /report-editions/{id}/images", () -> {
                String id = anEdition();
                return Write.post("/report-editions/" + id + "/images?alt=" + "Pupils%20at%20the%20performance")
                        .as(() -> as(Roles.PREVENT_LEAD)).contentType("image/jpeg")
                        .body(org.preventhub.reporting.support.Photos.jpegWithGps(24, 16, 1))
                        .otherBody(org.preventhub.reporting.support.Photos.jpegWithGps(16, 24, 1))
                        .effect(() -> Sql.count("SELECT count(*) FROM report_edition_image WHERE edition_id = ?::uuid", id));
            }),
            entry("POST /projections/rebuild", () -> {
                rebuildDone();
                return Write.post("/projections/rebuild").as(() -> as(Roles.PREVENT_LEAD)).bodiless().claimedApart()
                        .effectIsAMoment(() -> Sql.count("SELECT coalesce((extract(epoch FROM rebuild_started_at) * 1000)::bigint, 0)"
                                + " FROM projection_state WHERE id = 1"));
            }));

    private static String anAction() {
        return as(Roles.PREVENT_LEAD).body(action("Promote the course")).post("/actions").then().statusCode(201)
                .extract().path("id");
    }

    private static String anEdition() {
        return as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2019/20", "year", 2019))
                .post("/report-editions").then().statusCode(201).extract().path("id");
    }

    private static long history(String action) {
        return Sql.count("SELECT count(*) FROM action_history WHERE action_id = ?::uuid", action);
    }

    private static Map<String, Object> action(String title) {
        return Map.of("priority", "AWARENESS_LEARNING", "title", title,
                "ownerOrganisation", "Warwickshire County Council Prevent team", "dueOn", "2021-03-31",
                "status", "NOT_STARTED", "rag", "AMBER");
    }

    private static Map<String, Object> indicator(String id, String name) {
        Map<String, Object> definition = new HashMap<>();
        definition.put("id", id);
        definition.put("name", name);
        definition.put("priority", "AWARENESS_LEARNING");
        definition.put("fact", "session_fact");
        definition.put("dateColumn", "starts_on");
        definition.put("measure", "count");
        definition.put("filters", Map.of("status", "DELIVERED", "mode", "ONLINE"));
        definition.put("unit", "sessions");
        definition.put("direction", "UP");
        definition.put("breakdowns", List.of("area"));
        definition.put("aboutPeopleReferred", false);
        definition.put("displayOrder", 99);
        return definition;
    }

    /** A rebuild runs on its own thread: the next may start only once it is done, and none is left running. */
    @AfterEach
    void noRebuildLeftRunning() {
        rebuildDone();
    }

    static void rebuildDone() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(
                as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("status")));
    }

    @Test
    void everyPostAndPutDeclaresTheIdempotencyKeyHeader() {
        IdempotencyContract.everyWriteDeclaresTheKey(ServiceDocument.read(), READS);
    }

    @Test
    void everyWriteHasAnEntryInTheTable() {
        IdempotencyContract.everyWriteHasACase(ServiceDocument.read(), READS, WRITES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> aRetryAnswersTheFirstAnswerWithOneEffectAndAnotherBodyWithTheSameKeyIs422() {
        return IdempotencyContract.retries(WRITES);
    }

    @TestFactory
    Stream<DynamicTest> concurrentRetriesWithOneKeyHaveOneEffect() {
        return IdempotencyContract.concurrentRetries(WRITES);
    }
}
