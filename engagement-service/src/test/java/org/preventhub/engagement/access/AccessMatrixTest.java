package org.preventhub.engagement.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.engagement.support.EngagementApi.communication;
import static org.preventhub.engagement.support.EngagementApi.event;
import static org.preventhub.engagement.support.EngagementApi.heldEvent;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.EngagementApi.plan;
import static org.preventhub.engagement.support.EngagementApi.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.preventhub.engagement.support.EngagementApi;
import org.preventhub.engagement.support.FundingFixtures;
import org.preventhub.engagement.support.GovernanceFixtures;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.openapi.ServiceDocument;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every role. Engagement officers and the Prevent lead write; analysts, trainers, the Channel panel
 * and referrers read; feed clients only import; booking and admin get nothing. Each write acts on a fresh record,
 * so every allowed call can succeed and a refused one shows it stored nothing.
 */
@QuarkusTest
class AccessMatrixTest {

    private record Caller(String name, String role) {
        RequestSpecification spec() {
            RequestSpecification spec = given().contentType(ContentType.JSON);
            return role == null ? spec
                    : spec.auth().oauth2(TestTokens.as(role).agency("matrix-council").username("matrix-" + name)
                            .email("matrix-" + name + "@council.example.org").token());
        }
    }

    private record Endpoint(String name, Function<RequestSpecification, Integer> call) {
    }

    private static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

    private static Map<String, Object> criterion() {
        return Map.of("code", "M-1", "section", "Leadership", "title", "Matrix criterion", "maxScore", 4,
                "priority", "LEADERSHIP_GOVERNANCE");
    }

    /** A fresh framework with one criterion, loaded by the lead. */
    private static String framework() {
        String framework = "MATRIX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        EngagementApi.as(Roles.PREVENT_LEAD).body(Map.of("criteria", List.of(criterion())))
                .put("/assessments/frameworks/" + framework + "/criteria").then().statusCode(200);
        return framework;
    }

    /** A fresh quarterly body with two members, as the Prevent lead sets it up; its member ids follow it. */
    private static List<String> bodyWithMembers() {
        String body = GovernanceFixtures.quarterlyBody();
        return List.of(body, GovernanceFixtures.member(body, "COUNCIL", "CHAIR"), GovernanceFixtures.member(body, "POLICE", "MEMBER"));
    }

    /** A fresh OFFICIAL document (which every reader may read), with a file when asked. */
    private static String document(String owner, boolean withFile) {
        String id = GovernanceFixtures.register(GovernanceFixtures.document("ACTION_PLAN", owner, "OFFICIAL"));
        if (withFile) {
            EngagementApi.as(Roles.PREVENT_LEAD).contentType("application/pdf").body(GovernanceFixtures.pdf("Matrix"))
                    .put("/documents/" + id + "/files/current").then().statusCode(200);
        }
        return id;
    }

    private static String assessment(String organisation) {
        return EngagementApi.as(Roles.PREVENT_LEAD).body(Map.of("framework", framework(), "year", 2019,
                "organisationId", organisation, "assessedOn", "2020-07-14")).post("/assessments").then().statusCode(201)
                .extract().path("id");
    }

    private static String award(String funder) {
        return EngagementApi.as(Roles.PREVENT_LEAD).body(FundingFixtures.award(funder, "100.00", List.of()))
                .post("/funding/awards").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyEndpointGivesEachRoleExactlyTheIntendedAnswer() {
        String organisation = organisation("FAITH_GROUP");
        String event = plan(event("Matrix read", List.of(YESTERDAY)));
        String communication = publish(communication("Matrix read"));
        List<String> body = bodyWithMembers();
        String meeting = GovernanceFixtures.meeting(body.get(0), YESTERDAY);
        String readDocument = document(organisation, true);
        String readAssessment = assessment(organisation);
        String readProject = FundingFixtures.newProject();
        String readAward = award(organisation);

        List<Caller> callers = List.of(
                new Caller("engagement", Roles.ENGAGEMENT_OFFICER),
                new Caller("lead", Roles.PREVENT_LEAD),
                new Caller("analyst", Roles.ANALYST),
                new Caller("trainer", Roles.TRAINER),
                new Caller("panel", Roles.CHANNEL_PANEL),
                new Caller("referrer", Roles.REFERRER),
                new Caller("feed", Roles.FEED),
                new Caller("booking", Roles.BOOKING),
                new Caller("admin", Roles.ADMIN),
                new Caller("anonymous", null));

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /vocabulary", s -> s.get("/vocabulary").statusCode()),
                // Each caller's own choice: set (OFF, so the shared test users get no mail), then read back.
                new Endpoint("PUT /me/reminder-preferences", s -> s.body(Map.of("delivery", "OFF"))
                        .put("/me/reminder-preferences").statusCode()),
                new Endpoint("GET /me/reminder-preferences", s -> s.get("/me/reminder-preferences").statusCode()),
                new Endpoint("GET /organisations", s -> s.get("/organisations").statusCode()),
                new Endpoint("GET /organisations/{id}", s -> s.get("/organisations/" + organisation).statusCode()),
                new Endpoint("POST /organisations", s -> s.body(Map.of("name", "Matrix org " + UUID.randomUUID(),
                        "type", "SCHOOL")).post("/organisations").statusCode()),
                new Endpoint("PUT /organisations/{id}", s -> s.body(Map.of("name", "Matrix org " + UUID.randomUUID(),
                        "type", "SCHOOL")).put("/organisations/" + organisation("SCHOOL")).statusCode()),
                new Endpoint("GET /events", s -> s.get("/events").statusCode()),
                new Endpoint("GET /events/{id}", s -> s.get("/events/" + event).statusCode()),
                new Endpoint("POST /events", s -> s.body(event("Matrix planned", List.of(YESTERDAY))).post("/events").statusCode()),
                new Endpoint("PUT /events/{id}", s -> s.body(event("Matrix changed", List.of(YESTERDAY)))
                        .put("/events/" + plan(event("Matrix to change", List.of(YESTERDAY)))).statusCode()),
                new Endpoint("POST /events/{id}/held", s -> s.body(Map.of("attendance", 5, "countedBy", "HEADCOUNT"))
                        .post("/events/" + plan(event("Matrix to hold", List.of(YESTERDAY))) + "/held").statusCode()),
                new Endpoint("POST /events/{id}/attendance-correction", s -> s.body(Map.of("attendance", 6,
                        "countedBy", "REGISTER", "reason", "Recount")).post("/events/" + heldEvent("Matrix to correct", 5)
                        + "/attendance-correction").statusCode()),
                new Endpoint("POST /events/{id}/cancellation", s -> s.body(Map.of("reason", "Flooding"))
                        .post("/events/" + plan(event("Matrix to cancel", List.of(YESTERDAY))) + "/cancellation").statusCode()),
                new Endpoint("POST /events/{id}/postponement", s -> s.body(Map.of("reason", "Lockdown"))
                        .post("/events/" + plan(event("Matrix to postpone", List.of(YESTERDAY))) + "/postponement").statusCode()),
                new Endpoint("GET /communications", s -> s.get("/communications").statusCode()),
                new Endpoint("GET /communications/{id}", s -> s.get("/communications/" + communication).statusCode()),
                new Endpoint("POST /communications", s -> s.body(communication("Matrix published")).post("/communications").statusCode()),
                new Endpoint("PUT /communications/{id}", s -> s.body(communication("Matrix corrected"))
                        .put("/communications/" + publish(communication("Matrix to correct"))).statusCode()),
                new Endpoint("POST /feeds/events/imports", s -> s.contentType("text/csv").queryParam("dryRun", true)
                        .header("Prefer", "wait=30")
                        .body("recordId,title,eventType,date,area,attendance\nM-1,Forum,COMMUNITY_FORUM,2020-01-01,rugby,5\n")
                        .post("/feeds/events/imports").statusCode()),
                new Endpoint("GET /feeds/events/imports", s -> s.get("/feeds/events/imports").statusCode()),
                new Endpoint("PUT /assessments/frameworks/{framework}/criteria", s -> s.body(Map.of("criteria",
                        List.of(criterion()))).put("/assessments/frameworks/" + framework() + "/criteria").statusCode()),
                new Endpoint("GET /assessments/frameworks/{framework}/criteria",
                        s -> s.get("/assessments/frameworks/HOME_OFFICE_PREVENT_TOOLKIT/criteria").statusCode()),
                new Endpoint("POST /assessments", s -> s.body(Map.of("framework", framework(), "year", 2019,
                        "organisationId", organisation, "assessedOn", "2020-07-14")).post("/assessments").statusCode()),
                new Endpoint("GET /assessments/trend",
                        s -> s.get("/assessments/trend?framework=HOME_OFFICE_PREVENT_TOOLKIT").statusCode()),
                new Endpoint("POST /funding/projects", s -> s.body(org.preventhub.engagement.support.FundingFixtures.project(
                        "Matrix project " + UUID.randomUUID(), "RUNNING", "2019-11-14", List.of())).post("/funding/projects")
                        .statusCode()),
                new Endpoint("GET /funding/projects", s -> s.get("/funding/projects").statusCode()),
                new Endpoint("POST /funding/awards", s -> s.body(org.preventhub.engagement.support.FundingFixtures.award(
                        organisation, "100.00", List.of())).post("/funding/awards").statusCode()),
                new Endpoint("GET /funding/awards", s -> s.get("/funding/awards").statusCode()),
                new Endpoint("PUT /funding/projects/{id}", s -> s.body(FundingFixtures.project("Matrix project "
                        + UUID.randomUUID(), "RUNNING", "2019-11-14", List.of())).put("/funding/projects/"
                        + FundingFixtures.newProject()).statusCode()),
                new Endpoint("POST /funding/projects/{id}/status", s -> s.body(Map.of("status", "PAUSED",
                        "since", "2020-03-23", "reason", "COVID-19")).post("/funding/projects/" + FundingFixtures.newProject()
                        + "/status").statusCode()),
                new Endpoint("GET /funding/projects/{id}", s -> s.get("/funding/projects/" + readProject).statusCode()),
                new Endpoint("PUT /funding/awards/{id}", s -> s.body(FundingFixtures.award(organisation, "200.00", List.of()))
                        .put("/funding/awards/" + award(organisation)).statusCode()),
                new Endpoint("GET /funding/awards/{id}", s -> s.get("/funding/awards/" + readAward).statusCode()),
                new Endpoint("GET /assessments", s -> s.get("/assessments").statusCode()),
                new Endpoint("GET /assessments/{id}", s -> s.get("/assessments/" + readAssessment).statusCode()),
                new Endpoint("PUT /assessments/{id}/scores", s -> s.body(Map.of("scores", List.of(Map.of("criterionCode",
                        "M-1", "score", 3, "evidence", "Matrix")))).put("/assessments/" + assessment(organisation)
                        + "/scores").statusCode()),
                new Endpoint("POST /assessments/{id}/improvement-actions", s -> s.body(Map.of("criterionCode", "M-1",
                        "title", "Matrix improvement", "priority", "LEADERSHIP_GOVERNANCE")).post("/assessments/"
                        + readAssessment + "/improvement-actions").statusCode()),
                new Endpoint("POST /governance/bodies", s -> s.body(GovernanceFixtures.body("Matrix body " + UUID.randomUUID(),
                        4, 2)).post("/governance/bodies").statusCode()),
                new Endpoint("GET /governance/bodies", s -> s.get("/governance/bodies").statusCode()),
                new Endpoint("GET /governance/bodies/{id}", s -> s.get("/governance/bodies/" + body.get(0)).statusCode()),
                new Endpoint("POST /governance/bodies/{id}/members", s -> s.body(Map.of("organisationId", organisation,
                        "role", "MEMBER")).post("/governance/bodies/" + body.get(0) + "/members").statusCode()),
                new Endpoint("POST /governance/bodies/{id}/meetings", s -> s.body(Map.of("meetsOn", "2020-06-09"))
                        .post("/governance/bodies/" + body.get(0) + "/meetings").statusCode()),
                new Endpoint("GET /governance/bodies/{id}/record", s -> s.queryParam("from", "2019-09-01")
                        .queryParam("to", "2020-08-31").get("/governance/bodies/" + body.get(0) + "/record").statusCode()),
                new Endpoint("GET /governance/meetings/{id}", s -> s.get("/governance/meetings/" + meeting).statusCode()),
                new Endpoint("POST /governance/meetings/{id}/minutes", s -> {
                    List<String> fresh = bodyWithMembers();
                    return s.body(GovernanceFixtures.minutes(fresh.subList(1, 3), List.of())).post("/governance/meetings/"
                            + GovernanceFixtures.meeting(fresh.get(0), YESTERDAY) + "/minutes").statusCode();
                }),
                new Endpoint("GET /governance/competency", s -> s.get("/governance/competency").statusCode()),
                new Endpoint("GET /governance/competency/requirements",
                        s -> s.get("/governance/competency/requirements").statusCode()),
                new Endpoint("POST /documents", s -> s.body(GovernanceFixtures.document("CTLP", organisation, "OFFICIAL"))
                        .post("/documents").statusCode()),
                new Endpoint("GET /documents", s -> s.get("/documents").statusCode()),
                new Endpoint("GET /documents/overdue", s -> s.get("/documents/overdue").statusCode()),
                new Endpoint("GET /documents/{id}", s -> s.get("/documents/" + readDocument).statusCode()),
                new Endpoint("PUT /documents/{id}", s -> s.body(GovernanceFixtures.document("ACTION_PLAN",
                        organisation, "OFFICIAL")).put("/documents/" + document(organisation, false)).statusCode()),
                new Endpoint("POST /documents/{id}/review", s -> s.body(Map.of("reviewedOn", YESTERDAY,
                        "documentVersion", "2.0")).post("/documents/" + document(organisation, false) + "/review").statusCode()),
                new Endpoint("PUT /documents/{id}/files/current", s -> s.contentType("application/pdf")
                        .body(GovernanceFixtures.pdf("Matrix upload")).put("/documents/" + document(organisation, false)
                                + "/files/current").statusCode()),
                new Endpoint("GET /documents/{id}/files/current",
                        s -> s.get("/documents/" + readDocument + "/files/current").statusCode()));

        Map<String, int[]> expected = new LinkedHashMap<>();
        //                                          engage lead analyst trainer panel referrer feed booking admin anon
        int[] read = { 200, 200, 200, 200, 200, 200, 403, 403, 403, 401 };
        expected.put("GET /vocabulary", read);
        expected.put("GET /organisations", read);
        expected.put("GET /organisations/{id}", read);
        expected.put("POST /organisations", new int[] { 201, 201, 403, 403, 403, 403, 403, 403, 403, 401 });
        expected.put("PUT /organisations/{id}", new int[] { 200, 200, 403, 403, 403, 403, 403, 403, 403, 401 });
        expected.put("GET /events", read);
        expected.put("GET /events/{id}", read);
        expected.put("POST /events", new int[] { 201, 201, 403, 403, 403, 403, 403, 403, 403, 401 });
        int[] write = { 200, 200, 403, 403, 403, 403, 403, 403, 403, 401 };
        expected.put("PUT /events/{id}", write);
        expected.put("POST /events/{id}/held", write);
        expected.put("POST /events/{id}/attendance-correction", write);
        expected.put("POST /events/{id}/cancellation", write);
        expected.put("POST /events/{id}/postponement", write);
        expected.put("GET /communications", read);
        expected.put("GET /communications/{id}", read);
        expected.put("POST /communications", new int[] { 201, 201, 403, 403, 403, 403, 403, 403, 403, 401 });
        expected.put("PUT /communications/{id}", write);
        // Uploads are the feed role's alone; reading imports is the platform's rule (feed, prevent-lead, admin).
        expected.put("POST /feeds/events/imports", new int[] { 403, 403, 403, 403, 403, 403, 200, 403, 403, 401 });
        expected.put("GET /feeds/events/imports", new int[] { 403, 200, 403, 403, 403, 403, 200, 403, 200, 401 });

        // Priority 2's self-assessment and funding: the Prevent lead keeps them; engagement officers and analysts read.
        int[] leadWrites = { 403, 201, 403, 403, 403, 403, 403, 403, 403, 401 };
        int[] governanceRead = { 200, 200, 200, 403, 403, 403, 403, 403, 403, 401 };
        expected.put("PUT /assessments/frameworks/{framework}/criteria", new int[] { 403, 200, 403, 403, 403, 403, 403, 403, 200, 401 });
        expected.put("GET /assessments/frameworks/{framework}/criteria", new int[] { 200, 200, 200, 403, 403, 403, 403, 403, 200, 401 });
        expected.put("POST /assessments", leadWrites);
        expected.put("GET /assessments/trend", governanceRead);
        expected.put("POST /funding/projects", leadWrites);
        expected.put("GET /funding/projects", governanceRead);
        expected.put("POST /funding/awards", leadWrites);
        expected.put("GET /funding/awards", governanceRead);
        int[] leadChanges = { 403, 200, 403, 403, 403, 403, 403, 403, 403, 401 };
        expected.put("PUT /funding/projects/{id}", leadChanges);
        expected.put("POST /funding/projects/{id}/status", leadChanges);
        expected.put("GET /funding/projects/{id}", governanceRead);
        expected.put("PUT /funding/awards/{id}", leadChanges);
        expected.put("GET /funding/awards/{id}", governanceRead);
        expected.put("GET /assessments", governanceRead);
        expected.put("GET /assessments/{id}", governanceRead);
        expected.put("PUT /assessments/{id}/scores", leadChanges);
        expected.put("POST /assessments/{id}/improvement-actions", leadWrites);
        // Governance bodies, meetings and members' competency: the lead services the bodies; officers and analysts read.
        expected.put("POST /governance/bodies", leadWrites);
        expected.put("GET /governance/bodies", governanceRead);
        expected.put("GET /governance/bodies/{id}", governanceRead);
        expected.put("POST /governance/bodies/{id}/members", leadWrites);
        expected.put("POST /governance/bodies/{id}/meetings", leadWrites);
        expected.put("GET /governance/bodies/{id}/record", governanceRead);
        expected.put("GET /governance/meetings/{id}", governanceRead);
        expected.put("POST /governance/meetings/{id}/minutes", leadChanges);
        expected.put("GET /governance/competency", governanceRead);
        expected.put("GET /governance/competency/requirements", governanceRead);
        // The register: the lead keeps it; every reader of the partnership may read an OFFICIAL entry and its file
        // (OFFICIAL-SENSITIVE is DocumentRegisterTest's).
        expected.put("POST /documents", leadWrites);
        expected.put("GET /documents", read);
        expected.put("GET /documents/overdue", read);
        expected.put("GET /documents/{id}", read);
        expected.put("PUT /documents/{id}", leadChanges);
        expected.put("POST /documents/{id}/review", leadChanges);
        expected.put("PUT /documents/{id}/files/current", leadChanges);
        expected.put("GET /documents/{id}/files/current", read);

        int[] ownReminders = { 200, 200, 403, 403, 403, 403, 403, 403, 403, 401 };
        expected.put("PUT /me/reminder-preferences", ownReminders);
        expected.put("GET /me/reminder-preferences", ownReminders);

        // A new operation cannot be left out of the matrix: every operation of the document has its row.
        // The feed framework's and subject access's own operations have their role tests where they are built
        // (platform's FeedImportsTest and CouncilEventFeedTest, ContactPrivacyTest); the matrix names one feed's.
        List<String> elsewhere = List.of("GET /feeds", "GET /feeds/mappings", "PUT /feeds/mappings/{source}/{kind}/{code}",
                "DELETE /feeds/mappings/{source}/{kind}/{code}", "GET /feeds/{feed}/imports/{id}",
                "GET /feeds/{feed}/imports/{id}/rejections", "POST /subject-access", "POST /subject-access/erasure",
                "GET /subject-access/log");
        List<String> rows = expected.keySet().stream().map(row -> row.replace("/feeds/events/", "/feeds/{feed}/")).toList();
        assertThat(ServiceDocument.read().operations().stream().map(ServiceDocument.Operation::id)
                .filter(operation -> !elsewhere.contains(operation)).toList()).as("operations with a row in the matrix")
                .isSubsetOf(rows);
        assertThat(endpoints.stream().map(Endpoint::name).toList()).containsExactlyInAnyOrderElementsOf(expected.keySet());

        long matrixEventsBefore = Sql.count("SELECT count(*) FROM community_event WHERE title = 'Matrix planned'");
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            int[] statuses = expected.get(endpoint.name());
            for (int c = 0; c < callers.size(); c++) {
                int actual = endpoint.call().apply(callers.get(c).spec());
                if (actual != statuses[c]) {
                    wrong.add(endpoint.name() + " as " + callers.get(c).name() + ": expected " + statuses[c] + ", got " + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
        // Only the two writers' plans were stored.
        assertThat(Sql.count("SELECT count(*) FROM community_event WHERE title = 'Matrix planned'"))
                .isEqualTo(matrixEventsBefore + 2);
    }

    @Test
    void contactDetailsAreShownToEngagementOfficersAndTheLeadOnlyAndOtherReadersGetTheOrganisationWithoutThem() {
        String name = "Matrix contact " + UUID.randomUUID();
        String id = EngagementApi.asOfficer().body(Map.of("name", name, "type", "FAITH_GROUP", "area", "north-warwickshire",
                "contactName", "Matrix Contact", "contactEmail", "matrix@contact.example.org", "contactPhone", "01788 111111"))
                .post("/organisations").then().statusCode(201).extract().path("id");
        Map<String, Boolean> seesContact = new LinkedHashMap<>();
        seesContact.put(Roles.ENGAGEMENT_OFFICER, true);
        seesContact.put(Roles.PREVENT_LEAD, true);
        seesContact.put(Roles.ANALYST, false);
        seesContact.put(Roles.TRAINER, false);
        seesContact.put(Roles.CHANNEL_PANEL, false);
        seesContact.put(Roles.REFERRER, false);
        List<String> wrong = new ArrayList<>();
        seesContact.forEach((role, sees) -> {
            Caller caller = new Caller(role, role);
            Map<String, Object> one = caller.spec().get("/organisations/" + id).then().statusCode(200).extract().jsonPath()
                    .getMap("");
            Map<String, Object> listed = caller.spec().queryParam("area", "north-warwickshire").queryParam("type", "FAITH_GROUP")
                    .queryParam("size", 100).get("/organisations").then().statusCode(200).extract().jsonPath()
                    .<Map<String, Object>>getList("items").stream().filter(o -> id.equals(o.get("id"))).findFirst()
                    .orElseThrow();
            for (Map<String, Object> organisation : List.of(one, listed)) {
                if (!name.equals(organisation.get("name")) || !"FAITH_GROUP".equals(organisation.get("type"))) {
                    wrong.add(role + " did not get the organisation itself");
                }
                List<Object> contact = java.util.Arrays.asList(organisation.get("contactName"),
                        organisation.get("contactEmail"), organisation.get("contactPhone"));
                boolean shown = contact.equals(List.of("Matrix Contact", "matrix@contact.example.org", "01788 111111"));
                boolean hidden = contact.stream().allMatch(java.util.Objects::isNull);
                if (sees ? !shown : !hidden) {
                    wrong.add(role + (sees ? " should see" : " should not see") + " the contact details: " + contact);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRefusedCallAnswersProblemJson() {
        given().auth().oauth2(TestTokens.as(Roles.BOOKING).token()).contentType(ContentType.JSON)
                .body(communication("Refused")).post("/communications").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).get("/events").then().statusCode(401);
    }
}
