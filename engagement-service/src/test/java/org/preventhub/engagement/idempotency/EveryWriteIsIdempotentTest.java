package org.preventhub.engagement.idempotency;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.asOfficer;
import static org.preventhub.engagement.support.EngagementApi.communication;
import static org.preventhub.engagement.support.EngagementApi.event;
import static org.preventhub.engagement.support.EngagementApi.heldEvent;
import static org.preventhub.engagement.support.EngagementApi.plan;
import static org.preventhub.engagement.support.EngagementApi.publish;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.preventhub.engagement.support.EngagementApi;
import org.preventhub.engagement.support.FundingFixtures;
import org.preventhub.engagement.support.GovernanceFixtures;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.IdempotencyContract;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.Write;
import org.preventhub.testing.openapi.ServiceDocument;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

/**
 * Every state-changing POST and PUT of the engagement service honours {@code Idempotency-Key}, driven by its own
 * OpenAPI document: a new write without an entry in {@link #WRITES} fails {@link #everyWriteHasAnEntryInTheTable}.
 */
@QuarkusTest
class EveryWriteIsIdempotentTest {

    static final Map<String, String> READS = Map.of(
            "POST /subject-access", "a subject access export (a read sent as POST to keep the e-mail out of the URL; logged)");

    private static final String FEED_HEADER = "recordId,title,eventType,date,days,area,attendance\n";

    static final Map<String, Supplier<Write>> WRITES = Map.ofEntries(
            entry("POST /subject-access/erasure", () -> Write.post("/subject-access/erasure")
                    .as(() -> as(org.preventhub.platform.security.Roles.PREVENT_LEAD))
                    .header("X-Access-Purpose", "Erasure request SAR-2")
                    .body(Map.of("email", "contact-" + UUID.randomUUID() + "@example.org"))
                    .otherBody(Map.of("email", "other-" + UUID.randomUUID() + "@example.org"))
                    .effect(() -> org.preventhub.testing.Sql.count("SELECT count(*) FROM subject_access_log"))),
            entry("POST /organisations", () -> Write.post("/organisations").as(() -> asOfficer())
                    .body(organisation("Org " + UUID.randomUUID())).otherBody(organisation("Org " + UUID.randomUUID()))
                    .effect(EveryWriteIsIdempotentTest::events)),
            entry("PUT /organisations/{id}", () -> {
                String id = asOfficer().body(organisation("Org " + UUID.randomUUID())).post("/organisations").then()
                        .statusCode(201).extract().path("id");
                return Write.put("/organisations/" + id).as(() -> asOfficer())
                        .body(organisation("Renamed " + UUID.randomUUID())).otherBody(organisation("Renamed again"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /events", () -> Write.post("/events").as(() -> asOfficer())
                    .body(event("Forum", nextWeek())).otherBody(event("Another forum", nextWeek()))
                    .effect(EveryWriteIsIdempotentTest::events)),
            entry("PUT /events/{id}", () -> {
                String id = plan(event("Forum", nextWeek()));
                return Write.put("/events/" + id).as(() -> asOfficer())
                        .body(event("Forum, renamed", nextWeek())).otherBody(event("Forum, renamed again", nextWeek()))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /events/{id}/held", () -> {
                String id = plan(event("Forum", List.of(LocalDate.now().minusDays(1).toString())));
                return Write.post("/events/" + id + "/held").as(() -> asOfficer())
                        .body(Map.of("attendance", 40, "countedBy", "HEADCOUNT"))
                        .otherBody(Map.of("attendance", 41, "countedBy", "HEADCOUNT"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /events/{id}/attendance-correction", () -> {
                String id = heldEvent("Forum", 40);
                return Write.post("/events/" + id + "/attendance-correction").as(() -> asOfficer())
                        .body(Map.of("attendance", 44, "countedBy", "REGISTER", "reason", "Second sheet found"))
                        .otherBody(Map.of("attendance", 45, "countedBy", "REGISTER", "reason", "Second sheet found"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /events/{id}/cancellation", () -> {
                String id = plan(event("Forum", nextWeek()));
                return Write.post("/events/" + id + "/cancellation").as(() -> asOfficer())
                        .body(Map.of("reason", "Venue flooded")).otherBody(Map.of("reason", "Speaker unwell"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /events/{id}/postponement", () -> {
                String id = plan(event("Forum", nextWeek()));
                return Write.post("/events/" + id + "/postponement").as(() -> asOfficer())
                        .body(Map.of("reason", "Venue flooded")).otherBody(Map.of("reason", "Speaker unwell"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /governance/bodies", () -> Write.post("/governance/bodies").as(GovernanceFixtures::asLead)
                    .body(GovernanceFixtures.body("Group " + UUID.randomUUID(), 4, 3))
                    .otherBody(GovernanceFixtures.body("Group " + UUID.randomUUID(), 12, 3))
                    .effect(() -> Sql.count("SELECT count(*) FROM governance_body"))),
            entry("POST /governance/bodies/{id}/members", () -> {
                String body = GovernanceFixtures.quarterlyBody();
                String organisation = EngagementApi.organisation("POLICE");
                return Write.post("/governance/bodies/" + body + "/members").as(GovernanceFixtures::asLead)
                        .body(Map.of("organisationId", organisation, "role", "MEMBER"))
                        .otherBody(Map.of("organisationId", organisation, "role", "CHAIR"))
                        .effect(() -> Sql.count("SELECT count(*) FROM governance_member WHERE body_id = ?::uuid", body));
            }),
            entry("POST /governance/bodies/{id}/meetings", () -> {
                String body = GovernanceFixtures.quarterlyBody();
                return Write.post("/governance/bodies/" + body + "/meetings").as(GovernanceFixtures::asLead)
                        .body(Map.of("meetsOn", "2020-03-10")).otherBody(Map.of("meetsOn", "2020-06-09"))
                        .effect(() -> Sql.count("SELECT count(*) FROM governance_meeting WHERE body_id = ?::uuid", body));
            }),
            entry("POST /governance/meetings/{id}/minutes", () -> {
                String body = GovernanceFixtures.quarterlyBody();
                String chair = GovernanceFixtures.member(body, "COUNCIL", "CHAIR");
                String police = GovernanceFixtures.member(body, "POLICE", "MEMBER");
                String meeting = GovernanceFixtures.meeting(body, "2020-03-10");
                return Write.post("/governance/meetings/" + meeting + "/minutes").as(GovernanceFixtures::asLead)
                        .body(GovernanceFixtures.minutes(List.of(chair, police), List.of()))
                        .otherBody(GovernanceFixtures.minutes(List.of(police, chair), List.of()))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("PUT /me/reminder-preferences", () -> {
                String officer = "idem-officer-" + UUID.randomUUID().toString().substring(0, 8);
                return Write.put("/me/reminder-preferences")
                        .as(() -> given().auth().oauth2(TestTokens.as(Roles.ENGAGEMENT_OFFICER).username(officer)
                                .email(officer + "@council.example.org").token()))
                        .body(Map.of("delivery", "DAILY_DIGEST")).otherBody(Map.of("delivery", "IMMEDIATE"))
                        .effect(() -> Sql.count("SELECT count(*) FROM reminder_recipient WHERE user_id = ?",
                                "user-" + officer));
            }),
            entry("POST /documents", () -> {
                String owner = EngagementApi.organisation("COUNCIL");
                return Write.post("/documents").as(GovernanceFixtures::asLead)
                        .body(GovernanceFixtures.document("CTLP", owner, "OFFICIAL-SENSITIVE"))
                        .otherBody(GovernanceFixtures.document("CTLP_UPDATE", owner, "OFFICIAL-SENSITIVE"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("PUT /documents/{id}", () -> {
                String owner = EngagementApi.organisation("COUNCIL");
                String id = GovernanceFixtures.register(GovernanceFixtures.document("ACTION_PLAN", owner, "OFFICIAL"));
                Map<String, Object> changed = GovernanceFixtures.document("ACTION_PLAN", owner, "OFFICIAL");
                Map<String, Object> other = GovernanceFixtures.document("ACTION_PLAN", owner, "OFFICIAL");
                return Write.put("/documents/" + id).as(GovernanceFixtures::asLead).body(changed).otherBody(other)
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /documents/{id}/review", () -> {
                String id = GovernanceFixtures.register(GovernanceFixtures.document("ACTION_PLAN",
                        EngagementApi.organisation("COUNCIL"), "OFFICIAL"));
                return Write.post("/documents/" + id + "/review").as(GovernanceFixtures::asLead)
                        .body(Map.of("reviewedOn", "2021-02-10")).otherBody(Map.of("reviewedOn", "2021-02-11"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("PUT /documents/{id}/files/current", () -> {
                String id = GovernanceFixtures.register(GovernanceFixtures.document("ACTION_PLAN",
                        EngagementApi.organisation("COUNCIL"), "OFFICIAL"));
                // RestAssured sends a PDF's bytes as it would text; the document is ASCII, as a PDF's header is.
                return Write.put("/documents/" + id + "/files/current").as(() -> GovernanceFixtures.asLead()
                        .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("application/pdf", ContentType.TEXT))))
                        .contentType("application/pdf").body(new String(GovernanceFixtures.pdf("first"), StandardCharsets.US_ASCII))
                        .otherBody(new String(GovernanceFixtures.pdf("second"), StandardCharsets.US_ASCII))
                        .effect(() -> Sql.count("SELECT count(*) FROM document_file WHERE document_id = ?::uuid", id));
            }),
            entry("PUT /assessments/frameworks/{framework}/criteria", () -> {
                String framework = "IDEM_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
                return Write.put("/assessments/frameworks/" + framework + "/criteria").as(GovernanceFixtures::asLead)
                        .body(Map.of("criteria", List.of(criterion("A"))))
                        .otherBody(Map.of("criteria", List.of(criterion("B"))))
                        .effect(() -> Sql.count("SELECT count(*) FROM assessment_criterion WHERE framework = ?", framework));
            }),
            entry("POST /assessments", () -> {
                String framework = framework();
                return Write.post("/assessments").as(GovernanceFixtures::asLead)
                        .body(assessment(framework, 2019)).otherBody(assessment(framework, 2020))
                        .effect(() -> Sql.count("SELECT count(*) FROM self_assessment WHERE framework = ?", framework));
            }),
            entry("PUT /assessments/{id}/scores", () -> {
                String id = GovernanceFixtures.asLead().body(assessment(framework(), 2019)).post("/assessments").then()
                        .statusCode(201).extract().path("id");
                return Write.put("/assessments/" + id + "/scores").as(GovernanceFixtures::asLead)
                        .body(Map.of("scores", List.of(Map.of("criterionCode", "A", "score", 2))))
                        .otherBody(Map.of("scores", List.of(Map.of("criterionCode", "A", "score", 3))))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /assessments/{id}/improvement-actions", () -> {
                String id = GovernanceFixtures.asLead().body(assessment(framework(), 2019)).post("/assessments").then()
                        .statusCode(201).extract().path("id");
                return Write.post("/assessments/" + id + "/improvement-actions").as(GovernanceFixtures::asLead)
                        .body(Map.of("title", "Respond to the Channel Guidance", "priority", "SUPPORT"))
                        .otherBody(Map.of("title", "Refresh the ToR", "priority", "LEADERSHIP_GOVERNANCE"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /funding/projects", () -> Write.post("/funding/projects").as(GovernanceFixtures::asLead)
                    .body(FundingFixtures.project("Project " + UUID.randomUUID(), "RUNNING", "2019-11-14", List.of()))
                    .otherBody(FundingFixtures.project("Project " + UUID.randomUUID(), "PAUSED", "2020-03-23", List.of()))
                    .effect(EveryWriteIsIdempotentTest::events)),
            entry("PUT /funding/projects/{id}", () -> {
                String id = FundingFixtures.newProject();
                return Write.put("/funding/projects/" + id).as(GovernanceFixtures::asLead)
                        .body(FundingFixtures.project("Renamed " + UUID.randomUUID(), "RUNNING", "2019-11-14", List.of()))
                        .otherBody(FundingFixtures.project("Renamed " + UUID.randomUUID(), "RUNNING", "2019-11-14", List.of()))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /funding/projects/{id}/status", () -> {
                String id = FundingFixtures.newProject();
                return Write.post("/funding/projects/" + id + "/status").as(GovernanceFixtures::asLead)
                        .body(Map.of("status", "PAUSED", "since", "2020-03-23"))
                        .otherBody(Map.of("status", "TO_BE_RE_ESTABLISHED", "since", "2020-09-01"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /funding/awards", () -> {
                String funder = EngagementApi.organisation("FUNDER");
                return Write.post("/funding/awards").as(GovernanceFixtures::asLead)
                        .body(FundingFixtures.award(funder, "5000.00", List.of()))
                        .otherBody(FundingFixtures.award(funder, "7500.00", List.of()))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("PUT /funding/awards/{id}", () -> {
                String funder = EngagementApi.organisation("FUNDER");
                String id = GovernanceFixtures.asLead().body(FundingFixtures.award(funder, "5000.00", List.of()))
                        .post("/funding/awards").then().statusCode(201).extract().path("id");
                return Write.put("/funding/awards/" + id).as(GovernanceFixtures::asLead)
                        .body(FundingFixtures.award(funder, "5100.00", List.of()))
                        .otherBody(FundingFixtures.award(funder, "5200.00", List.of()))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /communications", () -> Write.post("/communications").as(() -> asOfficer())
                    .body(communication("Newsletter " + UUID.randomUUID()))
                    .otherBody(communication("Bulletin " + UUID.randomUUID()))
                    .effect(EveryWriteIsIdempotentTest::events)),
            entry("PUT /communications/{id}", () -> {
                String id = publish(communication("Newsletter " + UUID.randomUUID()));
                return Write.put("/communications/" + id).as(() -> asOfficer())
                        .body(communication("Corrected once")).otherBody(communication("Corrected twice"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /feeds/{feed}/imports", () -> {
                String source = "nbbc-" + UUID.randomUUID().toString().substring(0, 8);
                as(Roles.PREVENT_LEAD).body(Map.of("internalCode", "COMMUNITY_FORUM"))
                        .put("/feeds/mappings/" + source + "/event-type/CF").then().statusCode(200);
                String token = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
                return Write.post("/feeds/events/imports").as(() -> given().auth().oauth2(token))
                        .contentType("text/csv").header("Prefer", "wait=30")
                        .body(FEED_HEADER + source + "-1,Community forum,CF,2019-11-12,1,rugby,35\n")
                        .otherBody(FEED_HEADER + source + "-2,Community forum,CF,2019-11-19,1,rugby,20\n")
                        .claimedApart()
                        .effect(() -> Sql.count("SELECT count(*) FROM feed_import WHERE source = ?", source));
            }),
            entry("PUT /feeds/mappings/{source}/{kind}/{code}", () -> {
                String source = "nbbc-" + UUID.randomUUID().toString().substring(0, 8);
                return Write.put("/feeds/mappings/" + source + "/area/NBBC").as(() -> as(Roles.PREVENT_LEAD))
                        .body(Map.of("internalCode", "nuneaton-and-bedworth")).otherBody(Map.of("internalCode", "rugby"))
                        .effect(() -> Sql.count("SELECT count(*) FROM feed_code_mapping WHERE source = ?", source));
            }));

    private static Map<String, Object> criterion(String code) {
        return Map.of("code", code, "section", "Leadership", "title", "Criterion " + code, "maxScore", 4,
                "priority", "LEADERSHIP_GOVERNANCE");
    }

    /** A fresh framework with one criterion, A. */
    private static String framework() {
        String framework = "IDEM_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        GovernanceFixtures.asLead().body(Map.of("criteria", List.of(criterion("A"))))
                .put("/assessments/frameworks/" + framework + "/criteria").then().statusCode(200);
        return framework;
    }

    private static Map<String, Object> assessment(String framework, int year) {
        return Map.of("framework", framework, "year", year, "organisationId", EngagementApi.organisation("COUNCIL"),
                "assessedOn", "2020-07-14");
    }

    private static long events() {
        return Sql.count("SELECT count(*) FROM outbox_event");
    }

    private static List<String> nextWeek() {
        return List.of(LocalDate.now().plusDays(7).toString());
    }

    private static Map<String, Object> organisation(String name) {
        Map<String, Object> organisation = new HashMap<>();
        organisation.put("name", name);
        organisation.put("type", "FAITH_GROUP");
        organisation.put("area", "rugby");
        organisation.put("contactEmail", "contact@org.example.org");
        return organisation;
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
