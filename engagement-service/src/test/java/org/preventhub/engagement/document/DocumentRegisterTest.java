package org.preventhub.engagement.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.GovernanceFixtures.asLead;
import static org.preventhub.engagement.support.GovernanceFixtures.document;
import static org.preventhub.engagement.support.GovernanceFixtures.pdf;
import static org.preventhub.engagement.support.GovernanceFixtures.quarterlyBody;
import static org.preventhub.engagement.support.GovernanceFixtures.register;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DocumentRegisterTest {

    @Test
    void termsOfReferencePastTheirReviewDateAreListedOverdueUntilReviewed() {
        String council = organisation("COUNCIL");
        Map<String, Object> terms = document("TERMS_OF_REFERENCE", council, "OFFICIAL");
        terms.put("bodyId", quarterlyBody());
        terms.put("issuedOn", "2019-09-17");
        String id = asLead().body(terms).post("/documents").then().statusCode(201)
                .body("nextReviewDue", equalTo("2020-09-17")).extract().path("id");
        Map<String, Object> superseded = document("TERMS_OF_REFERENCE", council, "OFFICIAL");
        superseded.put("bodyId", terms.get("bodyId"));
        superseded.put("status", "SUPERSEDED");
        superseded.put("issuedOn", "2018-09-18");
        String old = register(superseded);

        as(Roles.ANALYST).queryParam("on", "2020-10-01").queryParam("size", 100).get("/documents/overdue").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.id", not(hasItem(old)));
        as(Roles.ANALYST).queryParam("on", "2020-09-01").queryParam("size", 100).get("/documents/overdue").then()
                .body("items.id", not(hasItem(id)));

        asLead().body(Map.of("reviewedOn", "2020-09-15", "documentVersion", "2020.1")).post("/documents/" + id + "/review")
                .then().statusCode(200).body("nextReviewDue", equalTo("2021-09-15")).body("documentVersion", equalTo("2020.1"));
        as(Roles.ANALYST).queryParam("on", "2020-10-01").queryParam("size", 100).get("/documents/overdue").then()
                .body("items.id", not(hasItem(id)));
        assertThat(KafkaEvents.forKey(Topics.ENGAGEMENT, id, 2, Duration.ofSeconds(30)))
                .extracting(e -> e.type()).containsExactly(EngagementEventTypes.DOCUMENT_REGISTERED,
                        EngagementEventTypes.DOCUMENT_REVIEWED);
    }

    @Test
    void anOfficialSensitiveDocumentIsRefusedToATrainerWith403AndEveryDownloadIsLogged() {
        String id = register(document("CTLP", organisation("POLICE"), "OFFICIAL-SENSITIVE"));
        byte[] file = pdf("Counter Terrorism Local Profile, February 2020");
        asLead().contentType("application/pdf").body(file).put("/documents/" + id + "/files/current").then()
                .statusCode(200).body("hasFile", equalTo(true)).body("fileBytes", equalTo(file.length));

        String trainer = TestTokens.as(Roles.TRAINER).username("doc-trainer").token();
        given().auth().oauth2(trainer).get("/documents/" + id + "/files/current").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(trainer).get("/documents/" + id).then().statusCode(403);
        given().auth().oauth2(trainer).queryParam("type", "CTLP").queryParam("size", 100).get("/documents").then()
                .statusCode(200).body("items.id", not(hasItem(id)));

        String officer = TestTokens.as(Roles.ENGAGEMENT_OFFICER).username("doc-officer").token();
        byte[] downloaded = given().auth().oauth2(officer).get("/documents/" + id + "/files/current").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(Arrays.equals(downloaded, file)).isTrue();

        assertThat(Sql.count("SELECT count(*) FROM document_access_log WHERE document_id = ?::uuid AND user_id = ? "
                + "AND outcome = 'REFUSED' AND roles = 'trainer'", id, "user-doc-trainer")).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM document_access_log WHERE document_id = ?::uuid AND user_id = ? "
                + "AND outcome = 'GRANTED'", id, "user-doc-officer")).isEqualTo(1);
    }

    @Test
    void aFileIsAcceptedByItsFirstBytesNotItsDeclaredTypeAndWithinTheSizeLimit() {
        String id = register(document("ACTION_PLAN", organisation("COUNCIL"), "OFFICIAL"));
        asLead().contentType("application/pdf").body("<html>not a pdf</html>".getBytes())
                .put("/documents/" + id + "/files/current").then().statusCode(415).contentType("application/problem+json");
        asLead().contentType("application/octet-stream").body(pdf("Action plan 2020"))
                .put("/documents/" + id + "/files/current").then().statusCode(200).body("hasFile", equalTo(true));
        byte[] large = Arrays.copyOf(pdf("large"), 65_537); // the test profile's limit is 65,536 bytes
        asLead().contentType("application/pdf").body(large).put("/documents/" + id + "/files/current").then()
                .statusCode(413);
        // The earlier file stays current.
        as(Roles.TRAINER).get("/documents/" + id).then().statusCode(200).body("fileBytes", equalTo(pdf("Action plan 2020").length));
        assertThat(Sql.count("SELECT count(*) FROM document_file WHERE document_id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void aLocalAreaPreventAssessmentNamesItsAreaAndADraftHasNoReviewDue() {
        Map<String, Object> assessment = document("LOCAL_AREA_PREVENT_ASSESSMENT", organisation("COUNCIL"), "OFFICIAL");
        asLead().body(assessment).post("/documents").then().statusCode(400).body("violations[0].field", equalTo("area"));
        assessment.put("area", "rugby");
        assessment.put("status", "DRAFT");
        assessment.remove("issuedOn");
        String id = asLead().body(assessment).post("/documents").then().statusCode(201)
                .body("nextReviewDue", nullValue()).extract().path("id");
        as(Roles.REFERRER).queryParam("type", "LOCAL_AREA_PREVENT_ASSESSMENT").queryParam("area", "rugby")
                .queryParam("size", 100).get("/documents").then().statusCode(200).body("items.id", hasItem(id));
        Map<String, Object> terms = document("TERMS_OF_REFERENCE", organisation("COUNCIL"), "OFFICIAL");
        asLead().body(terms).post("/documents").then().statusCode(400).body("violations[0].field", equalTo("bodyId"));
        asLead().body(document("CTLP", organisation("POLICE"), "TOP-SECRET")).post("/documents").then().statusCode(400)
                .body("violations[0].field", equalTo("marking"));
        as(Roles.ENGAGEMENT_OFFICER).body(document("CTLP", organisation("POLICE"), "OFFICIAL")).post("/documents").then()
                .statusCode(403);
    }
}
