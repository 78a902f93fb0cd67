package org.preventhub.training.session;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.support.CourseBuilder;
import org.preventhub.training.support.TrainingApi;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionListTest {

    private static OffsetDateTime day(int month, int day) {
        return OffsetDateTime.of(2031, month, day, 10, 0, 0, 0, ZoneOffset.UTC);
    }

    @Test
    void filtersByCourseAreaModeDatesAndStatusWithPagingAndTotals() {
        String code = CourseBuilder.aCourse().build().code();
        UUID course = TrainingApi.createCourse(CourseBuilder.aCourse().code(code).build());
        scheduleSession(aSession(course).startingAt(day(1, 10)).area("rugby").build());
        scheduleSession(aSession(course).startingAt(day(2, 10)).area("rugby").online().build());
        scheduleSession(aSession(course).startingAt(day(3, 10)).area("warwick").build());
        UUID cancelled = scheduleSession(aSession(course).startingAt(day(4, 10)).area("rugby").build());
        asTrainer().body(Map.of("reason", "no bookings")).post("/sessions/" + cancelled + "/cancellation");

        as(Roles.ANALYST).queryParam("courseCode", code).get("/sessions").then().statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.startsAt", contains("2031-01-10T10:00:00Z", "2031-02-10T10:00:00Z",
                        "2031-03-10T10:00:00Z", "2031-04-10T10:00:00Z"));
        as(Roles.ANALYST).queryParam("course", course.toString()).queryParam("area", "rugby").get("/sessions").then()
                .body("totalItems", equalTo(3)).body("items.area", everyItem(equalTo("rugby")));
        as(Roles.ANALYST).queryParam("courseCode", code).queryParam("mode", "ONLINE").get("/sessions").then()
                .body("totalItems", equalTo(1)).body("items[0].onlineLink", equalTo("https://meet.example.org/prevent"));
        as(Roles.ANALYST).queryParam("courseCode", code).queryParam("from", "2031-02-10").queryParam("to", "2031-03-10")
                .get("/sessions").then().body("totalItems", equalTo(2));
        as(Roles.ANALYST).queryParam("courseCode", code).queryParam("status", "CANCELLED").get("/sessions").then()
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(cancelled.toString()));

        as(Roles.ANALYST).queryParam("courseCode", code).queryParam("size", 3).queryParam("page", 1)
                .queryParam("sort", "startsAt,desc").get("/sessions").then()
                .body("items", hasSize(1))
                .body("items[0].startsAt", equalTo("2031-01-10T10:00:00Z"))
                .body("page", equalTo(1)).body("size", equalTo(3))
                .body("totalItems", equalTo(4)).body("totalPages", equalTo(2));
    }

    @Test
    void sessionsSortBySeatsLeft() {
        String code = CourseBuilder.aCourse().build().code();
        UUID course = TrainingApi.createCourse(CourseBuilder.aCourse().code(code).build());
        UUID roomy = scheduleSession(aSession(course).startingAt(day(5, 1)).capacity(10).build());
        UUID tight = scheduleSession(aSession(course).startingAt(day(5, 2)).capacity(3).build());
        UUID middle = scheduleSession(aSession(course).startingAt(day(5, 3)).capacity(8).build());
        // Bookings change the order: roomy 10-6 = 4 left, tight 3-1 = 2, middle 8-0 = 8.
        for (int i = 0; i < 6; i++) {
            TrainingApi.book(roomy, org.preventhub.training.support.AttendeeBuilder.anAttendee().build());
        }
        TrainingApi.book(tight, org.preventhub.training.support.AttendeeBuilder.anAttendee().build());

        as(Roles.BOOKING).queryParam("courseCode", code).queryParam("sort", "seatsLeft,desc").get("/sessions").then()
                .statusCode(200)
                .body("items.id", contains(middle.toString(), roomy.toString(), tight.toString()))
                .body("items.seatsLeft", contains(8, 4, 2));
        as(Roles.BOOKING).queryParam("courseCode", code).queryParam("sort", "seatsLeft").get("/sessions").then()
                .body("items.seatsLeft", contains(2, 4, 8));
    }
}
