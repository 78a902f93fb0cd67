package org.preventhub.training.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.createCourse;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.JsonBodies;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Each bad request gets its 4xx as problem+json, and nothing is stored. */
@QuarkusTest
class BadRequestsTest {

    private UUID courseId;
    private long sessionsBefore;
    private long eventsBefore;

    @BeforeEach
    void countWhatIsStored() {
        courseId = createCourse();
        sessionsBefore = Sql.count("SELECT count(*) FROM training_session");
        eventsBefore = Sql.count("SELECT count(*) FROM outbox_event");
    }

    private void nothingStored() {
        assertThat(Sql.count("SELECT count(*) FROM training_session")).isEqualTo(sessionsBefore);
        assertThat(Sql.count("SELECT count(*) FROM outbox_event")).isEqualTo(eventsBefore);
    }

    private static ValidatableResponse isProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("urn:prevent-hub:problem:" + type))
                .body("title", notNullValue())
                .body("instance", equalTo("/sessions"))
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("org.")));
    }

    @Test
    void malformedJsonIsABadRequest() {
        isProblem(asTrainer().body("{\"courseId\": ").post("/sessions").then(), 400, "malformed-body");
        nothingStored();
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        isProblem(given().auth().oauth2(TestTokens.token(Roles.TRAINER)).contentType(ContentType.XML)
                .body("<session/>").post("/sessions").then(), 415, "unsupported-media-type");
        nothingStored();
    }

    @Test
    void anUnknownFieldIsNamed() {
        ObjectNode body = JsonBodies.MAPPER.valueToTree(aSession(courseId).build());
        body.put("seatsReserved", 3);
        isProblem(asTrainer().body(body.toString()).post("/sessions").then(), 400, "validation")
                .body("violations[0].field", equalTo("seatsReserved"));
        nothingStored();
    }

    @Test
    void aTwoMegabyteBodyIsTooLarge() {
        ObjectNode body = JsonBodies.MAPPER.valueToTree(aSession(courseId).build());
        body.put("venue", "x".repeat(2 * 1024 * 1024));
        isProblem(asTrainer().body(body.toString()).post("/sessions").then(), 413, "payload-too-large");
        nothingStored();
    }

    @Test
    void aNegativeCapacityIsInvalid() {
        isProblem(asTrainer().body(aSession(courseId).capacity(-5).build()).post("/sessions").then(), 400, "validation")
                .body("violations.field", hasItem("capacity"));
        nothingStored();
    }

    @Test
    void anEndBeforeTheStartIsInvalid() {
        OffsetDateTime start = OffsetDateTime.now().plusDays(10);
        isProblem(asTrainer().body(aSession(courseId).startingAt(start).endingAt(start.minusHours(1)).build())
                .post("/sessions").then(), 400, "validation")
                .body("violations.field", hasItem("endsAt"));
        nothingStored();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "+999999999-01-01T09:00:00Z", "0001-01-01T09:00:00Z",
            "1989-12-31T09:00:00Z" })
    void aStartOutsideThePlausibleWindowIsRefusedNamingTheFieldNotA500(String startsAt) {
        ObjectNode session = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).build()
                .valueToTree(aSession(courseId).build());
        session.put("startsAt", startsAt);
        isProblem(asTrainer().body(session.toString()).post("/sessions").then(), 400, "validation")
                .body("violations.field", hasItem("startsAt"));
        nothingStored();
    }

    @Test
    void aSessionMoreThanTenYearsAheadIsRefused() {
        OffsetDateTime start = OffsetDateTime.now().plusYears(10).plusDays(2);
        isProblem(asTrainer().body(aSession(courseId).startingAt(start).endingAt(start.plusHours(2)).build())
                .post("/sessions").then(), 400, "validation")
                .body("violations.field", hasItem("startsAt"));
        nothingStored();
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() {
        asTrainer().urlEncodingEnabled(false).get("/sessions?area=war%00wick").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("area"))
                .body("violations.message", hasItem(containsString("NUL")));
        asTrainer().urlEncodingEnabled(false).get("/sessions?from=%2B999999999-01-01").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("from"));
    }

    @Test
    void aFractionalCapacityIsRefusedNotTruncated() {
        ObjectNode body = JsonBodies.MAPPER.valueToTree(aSession(courseId).build());
        body.put("capacity", 1.5);
        isProblem(asTrainer().body(body.toString()).post("/sessions").then(), 400, "validation")
                .body("violations[0].field", equalTo("capacity"));
        nothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Shire Hall \\ud800", "Shire \\udc00 Hall", "Shire Hall \\u0000" })
    void textThatCannotBeStoredAsSentIsRefusedNotAltered(String escapedVenue) {
        ObjectNode body = JsonBodies.MAPPER.valueToTree(aSession(courseId).build());
        body.put("venue", "VENUE");
        String json = body.toString().replace("\"VENUE\"", "\"" + escapedVenue + "\"");
        isProblem(asTrainer().body(json).post("/sessions").then(), 400, "validation")
                .body("violations[0].field", equalTo("venue"))
                .body("violations[0].message", containsString("NUL character or half of a character"))
                .body(not(containsString("Shire")));
        nothingStored();
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsKeptWhole() {
        ObjectNode body = JsonBodies.MAPPER.valueToTree(aSession(courseId).build());
        body.put("venue", "VENUE");
        String json = body.toString().replace("\"VENUE\"", "\"Shire Hall \\ud83c\\udfdb\"");
        asTrainer().body(json).post("/sessions").then().statusCode(201).body("venue", equalTo("Shire Hall \uD83C\uDFDB"));
    }

    @Test
    void aWrongTypeIsNamedWithoutEchoingTheValue() {
        ObjectNode body = JsonBodies.MAPPER.valueToTree(aSession(courseId).build());
        body.put("startsAt", "next tuesday");
        isProblem(asTrainer().body(body.toString()).post("/sessions").then(), 400, "validation")
                .body("violations[0].field", equalTo("startsAt"))
                .body(not(containsString("next tuesday")));
        nothingStored();
    }

    @Test
    void invalidCrossFieldCombinationsAreAllReportedAtOnce() {
        isProblem(asTrainer().body(aSession(courseId).venue(null).area("atlantis").bespokeFor(" ").build())
                .post("/sessions").then(), 400, "validation")
                .body("violations.field", hasItem("venue"))
                .body("violations.field", hasItem("area"))
                .body("violations.field", hasItem("organisation"));
        nothingStored();
    }

    @Test
    void aMissingTokenIsUnauthorized() {
        isProblem(given().contentType(ContentType.JSON).body(aSession(courseId).build().toString()).post("/sessions").then(),
                401, "unauthenticated").header("WWW-Authenticate", "Bearer");
        nothingStored();
    }

    @Test
    void anExpiredOrForgedTokenIsUnauthorized() {
        for (String token : new String[] { TestTokens.as(Roles.TRAINER).expired().token(),
                TestTokens.as(Roles.TRAINER).forged().token(), "not-a-jwt" }) {
            isProblem(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{}").post("/sessions").then(), 401, "unauthenticated");
        }
        nothingStored();
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() {
        isProblem(as(Roles.ANALYST).body(aSession(courseId).build()).post("/sessions").then(), 403, "forbidden");
        isProblem(as().body(aSession(courseId).build()).post("/sessions").then(), 403, "forbidden");
        nothingStored();
    }

    @Test
    void anUnknownCourseIsNamed() {
        isProblem(asTrainer().body(aSession(UUID.randomUUID()).build()).post("/sessions").then(), 400, "validation")
                .body("violations[0].field", equalTo("courseId"));
        nothingStored();
    }

    @Test
    void anUnknownSessionIsNotFound() {
        asTrainer().get("/sessions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:not-found"));
        asTrainer().get("/sessions/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        asTrainer().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPageSizeOverTheCapIsInvalid() {
        asTrainer().queryParam("size", 101).get("/sessions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("size"));
        asTrainer().queryParam("sort", "trainer").get("/sessions").then().statusCode(400)
                .body("violations.field", hasItem("sort"));
        asTrainer().queryParam("from", "yesterday").get("/sessions").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPageBeyondTheDocumentedLastAndMoreThanTenSortKeysAreInvalid() {
        asTrainer().queryParam("page", 100_001).get("/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("page"));
        asTrainer().queryParam("page", 100_000).get("/sessions").then().statusCode(200);
        var request = asTrainer();
        for (int i = 0; i < 11; i++) {
            request.queryParam("sort", "startsAt");
        }
        request.get("/sessions").then().statusCode(400).body("violations.field", hasItem("sort"));
    }

    @Test
    void aStringLongerThanItsDocumentedLimitIsNamed() {
        // The area is checked against the deployment's areas too; the length limit answers first, with its bound.
        isProblem(asTrainer().body(aSession(courseId).area("a".repeat(81)).build()).post("/sessions").then(), 400,
                "validation")
                .body("violations.find { it.field == 'area' }.message", containsString("80"));
        nothingStored();
    }

    @Test
    void headersQueryValuesAndPathSegmentsLongerThanDocumentedAreRefusedBeforeTheServiceReadsThem() {
        isProblem(asTrainer().header("Idempotency-Key", "k".repeat(256)).body(aSession(courseId).build())
                .post("/sessions").then(), 400, "validation")
                .body("violations.field", hasItem("Idempotency-Key"))
                .body("violations.find { it.field == 'Idempotency-Key' }.message", equalTo("at most 255 characters"));
        nothingStored();
        asTrainer().queryParam("area", "w".repeat(501)).get("/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("area"));
        asTrainer().get("/sessions/" + "x".repeat(501)).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("path"));
        // At the limit, the request is the resource's to judge.
        asTrainer().queryParam("area", "w".repeat(500)).get("/sessions").then().statusCode(not(equalTo(500)));
    }
}
