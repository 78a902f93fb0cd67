package org.preventhub.training.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.holdSession;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.training.support.CompletionFile;
import org.preventhub.training.support.CourseBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Sectors are the deployment's one vocabulary (hub.reference.sectors): Prisons and Probation apart, the codes
 * training had before it migrated, and a council's own codes mapped onto it.
 */
@QuarkusTest
class SectorVocabularyTest {

    @Test
    void prisonsAndProbationAreTwoSectorsFromTheBookingToItsEvents() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        JsonPath prisons = book(session, anAttendee().sector("PRISONS").organisation("HMP Example").build());
        JsonPath probation = book(session, anAttendee().sector("PROBATION").organisation("Probation Service").build());
        assertThat(prisons.getString("attendee.sector")).isEqualTo("PRISONS");
        assertThat(probation.getString("attendee.sector")).isEqualTo("PROBATION");

        Set<String> ids = Set.of(prisons.getString("id"), probation.getString("id"));
        List<ReceivedEvent> events = KafkaEvents.await(Topics.TRAINING, e -> ids.contains(e.key()), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.data().path("booking").path("sector").asText())
                .containsExactlyInAnyOrder("PRISONS", "PROBATION");
    }

    @Test
    void aSectorTheDeploymentDoesNotListIsRefusedNamingTheOnesItDoes() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        // CRIMINAL_JUSTICE was training's code for prisons and probation together: new records say which.
        as(Roles.BOOKING).body(anAttendee().sector("CRIMINAL_JUSTICE").build()).post("/sessions/" + session + "/bookings")
                .then().statusCode(400).body("violations[0].field", equalTo("sector"))
                .body("violations[0].message", containsString("PRISONS, PROBATION"));
        as(Roles.BOOKING).body(anAttendee().sector("VOLUNTARY_COMMUNITY").build()).post("/sessions/" + session + "/bookings")
                .then().statusCode(400).body("violations[0].field", equalTo("sector"));
        asTrainer().body(Map.of("courseId", createCourse(), "startsAt", "2031-03-01T09:30:00Z", "endsAt",
                "2031-03-01T11:00:00Z", "mode", "IN_PERSON", "venue", "Shire Hall", "area", "warwick", "capacity", 10,
                "access", "OPEN", "audienceSector", "CRIMINAL_JUSTICE")).post("/sessions").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("audienceSector"));
        holdSession(session);
        asTrainer().body(Map.of("walkIns", List.of(Map.of("name", "Alex Morgan", "sector", "CRIMINAL_JUSTICE"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(400)
                .body("violations[0].field", equalTo("walkIns[0].sector"));
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE session_id = ?", session)
                + Sql.count("SELECT count(*) FROM attendance WHERE session_id = ?", session)).isZero();
    }

    @Test
    void aCouncilsOwnSectorCodesMapOntoTheVocabularyPrisonsAndProbationApart() {
        String source = "council-" + UUID.randomUUID().toString().substring(0, 8);
        String courseCode = CourseBuilder.aCourse().build().code();
        createCourse(CourseBuilder.aCourse().code(courseCode).build());
        String feedToken = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
        as(Roles.PREVENT_LEAD).body(Map.of("internalCode", "PRISONS")).put("/feeds/mappings/" + source + "/sector/HMPPS-CUSTODY")
                .then().statusCode(200);
        as(Roles.PREVENT_LEAD).body(Map.of("internalCode", "PROBATION")).put("/feeds/mappings/" + source + "/sector/HMPPS-COMMUNITY")
                .then().statusCode(200);
        CompletionFile file = CompletionFile.withPrefix(source)
                .line(new CompletionFile.Line(source + "-1", "Pat Reed", "pat.reed@example.org", "HMPPS-CUSTODY", courseCode, "2020-05-14",
                        "online", "warwick", "yes"))
                .line(new CompletionFile.Line(source + "-2", "Lee Shaw", "lee.shaw@example.org", "HMPPS-COMMUNITY", courseCode, "2020-05-14",
                        "online", "warwick", "yes"))
                .line(new CompletionFile.Line(source + "-3", "Kim Moss", "kim.moss@example.org", "PROBATION", courseCode, "2020-05-14",
                        "online", "warwick", "yes"));
        given().auth().oauth2(feedToken).contentType("text/csv").header("Prefer", "wait=60").body(file.csv())
                .post("/feeds/completions/imports").then().statusCode(200).body("status", equalTo("APPLIED"));

        assertThat(Sql.rows("SELECT external_id, sector FROM completion_record WHERE source = ? ORDER BY external_id", source))
                .containsExactly(Map.of("external_id", source + "-1", "sector", "PRISONS"),
                        Map.of("external_id", source + "-2", "sector", "PROBATION"),
                        Map.of("external_id", source + "-3", "sector", "PROBATION"));
    }

    @Test
    void theMigrationMovesTheEarlierCommunityCodeAndKeepsCriminalJusticeWhichCannotBeSplit() throws IOException {
        UUID session = scheduleSession(aSession(createCourse()).build());
        UUID community = UUID.fromString(book(session, anAttendee().build()).getString("id"));
        UUID criminalJustice = UUID.fromString(book(session, anAttendee().build()).getString("id"));
        String source = "council-" + UUID.randomUUID().toString().substring(0, 8);
        Sql.update("UPDATE booking SET sector = 'VOLUNTARY_COMMUNITY' WHERE id = ?", community);
        Sql.update("UPDATE booking SET sector = 'CRIMINAL_JUSTICE' WHERE id = ?", criminalJustice);
        Sql.update("UPDATE training_session SET audience_sector = 'VOLUNTARY_COMMUNITY' WHERE id = ?", session);
        Sql.update("""
                INSERT INTO feed_code_mapping (source, kind, external_code, internal_code, updated_by, updated_at)
                VALUES (?, 'sector', 'VCS', 'VOLUNTARY_COMMUNITY', 'test', now()), (?, 'sector', 'CJ', 'CRIMINAL_JUSTICE', 'test', now())""",
                source, source);

        for (String statement : migration("V2026_12_08_11__one_sector_vocabulary.sql")) {
            Sql.update(statement);
        }

        assertThat(Sql.rows("SELECT sector FROM booking WHERE id = ?", community)).containsExactly(Map.of("sector", "COMMUNITY"));
        assertThat(Sql.rows("SELECT sector FROM booking WHERE id = ?", criminalJustice))
                .containsExactly(Map.of("sector", "CRIMINAL_JUSTICE"));
        asTrainer().get("/sessions/" + session).then().body("audienceSector", equalTo("COMMUNITY"));
        assertThat(Sql.rows("SELECT external_code, internal_code FROM feed_code_mapping WHERE source = ? ORDER BY external_code",
                source)).containsExactly(Map.of("external_code", "CJ", "internal_code", "CRIMINAL_JUSTICE"),
                        Map.of("external_code", "VCS", "internal_code", "COMMUNITY"));
    }

    /** The migration's statements, comments left out. */
    private static List<String> migration(String name) throws IOException {
        try (InputStream in = SectorVocabularyTest.class.getResourceAsStream("/db/migration/" + name)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return java.util.Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
