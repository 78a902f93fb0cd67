package org.preventhub.training.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.createCourse;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.training.support.Mailbox;
import org.preventhub.training.support.TrainingApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import net.fortuna.ical4j.model.Calendar;

/** A trainer's sessions in their calendar program, by a secret URL only they can make, replace and revoke. */
@QuarkusTest
class CalendarFeedTest {

    @Test
    void aTrainersFeedListsTheirSessionsWithoutATokenAndRefusesARevokedOrReplacedSecret() {
        String trainer = "trainer-" + UUID.randomUUID().toString().substring(0, 8);
        UUID mine = UUID.fromString(as(trainer).body(aSession(createCourse()).build()).post("/sessions")
                .then().statusCode(201).extract().path("id"));
        UUID theirs = UUID.fromString(as("someone-else").body(aSession(createCourse()).build()).post("/sessions")
                .then().statusCode(201).extract().path("id"));

        String url = as(trainer).post("/trainers/me/calendar-url").then().statusCode(201).extract().path("url");
        String path = url.substring(url.indexOf("/calendar-feeds/"));
        String ics = given().get(path).then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        Calendar feed = Mailbox.parse(ics);
        assertThat(ics).contains("UID:session-" + mine).doesNotContain(theirs.toString());
        assertThat(feed.getComponents("VEVENT")).hasSize(1);

        String replaced = as(trainer).post("/trainers/me/calendar-url").then().statusCode(201).extract().path("url");
        given().get(path).then().statusCode(404);
        String current = replaced.substring(replaced.indexOf("/calendar-feeds/"));
        given().get(current).then().statusCode(200);

        as(trainer).delete("/trainers/me/calendar-url").then().statusCode(204);
        given().get(current).then().statusCode(404).contentType("application/problem+json");
        as(trainer).get("/trainers/me/calendar-url").then().statusCode(404);
    }

    @Test
    void aSecretOfTheWrongShapeIsABadRequestAndPeopleWhoBookCannotMakeAFeed() {
        given().get("/calendar-feeds/short").then().statusCode(400);
        TrainingApi.as(Roles.BOOKING).post("/trainers/me/calendar-url").then().statusCode(403);
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }

    private static RequestSpecification as(String username) {
        return given().auth().oauth2(TestTokens.as(Roles.TRAINER).agency(TrainingApi.AGENCY).username(username).token())
                .contentType(ContentType.JSON);
    }
}
