package org.preventhub.training.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.training.support.SessionBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WaitingListTest {

    @Test
    void aDeclinedPromotionPassesTheSeatToTheNextInLine() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        JsonPath seated = book(session, anAttendee().build());
        JsonPath first = book(session, anAttendee().build());
        JsonPath second = book(session, anAttendee().build());
        assertThat(second.getInt("waitlistPosition")).isEqualTo(2);

        asTrainer().body(Map.of()).post("/bookings/" + seated.getString("reference") + "/cancellation").then().statusCode(200);
        as(Roles.BOOKING).body(Map.of("secret", first.getString("cancellationSecret")))
                .post("/bookings/" + first.getString("reference") + "/promotion-declined").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("PROMOTION_DECLINED"));

        asTrainer().get("/bookings/" + second.getString("id")).then().body("status", equalTo("CONFIRMED"));
        // Only a promoted booking can decline a promotion.
        JsonPath third = book(session, anAttendee().build());
        as(Roles.BOOKING).body(Map.of("secret", third.getString("cancellationSecret")))
                .post("/bookings/" + third.getString("reference") + "/promotion-declined").then().statusCode(409);
    }

    @Test
    void raisingCapacityPromotesTheWaitingInOrder() {
        SessionBuilder builder = aSession(createCourse()).capacity(1);
        UUID session = scheduleSession(builder.build());
        book(session, anAttendee().build());
        JsonPath a = book(session, anAttendee().build());
        JsonPath b = book(session, anAttendee().build());
        JsonPath c = book(session, anAttendee().build());

        asTrainer().body(builder.capacity(3).build()).put("/sessions/" + session).then().statusCode(200)
                .body("seatsTaken", equalTo(3)).body("waiting", equalTo(1));
        asTrainer().get("/bookings/" + a.getString("id")).then().body("status", equalTo("CONFIRMED"));
        asTrainer().get("/bookings/" + b.getString("id")).then().body("status", equalTo("CONFIRMED"));
        asTrainer().get("/bookings/" + c.getString("id")).then().body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1));

        asTrainer().body(builder.capacity(2).build()).put("/sessions/" + session).then().statusCode(400)
                .body("violations[0].field", equalTo("capacity"));
    }

    @Test
    void cancellingASessionCancelsItsBookingsAndWaitingListWithEvents() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        JsonPath seated = book(session, anAttendee().build());
        JsonPath waiting = book(session, anAttendee().build());

        asTrainer().body(Map.of("reason", "Venue unavailable")).post("/sessions/" + session + "/cancellation")
                .then().statusCode(200).body("seatsTaken", equalTo(0)).body("waiting", equalTo(0));

        for (JsonPath booking : List.of(seated, waiting)) {
            asTrainer().get("/bookings/" + booking.getString("id")).then()
                    .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("SESSION_CANCELLED"));
            // Exactly two events for the booking: a duplicate of either would fail here.
            List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, booking.getString("id"), 2, Duration.ofSeconds(30));
            assertThat(events).extracting(ReceivedEvent::type).containsExactly(
                    booking == seated ? TrainingEventTypes.BOOKING_CONFIRMED : TrainingEventTypes.BOOKING_WAITLISTED,
                    TrainingEventTypes.BOOKING_CANCELLED);
            assertThat(events.get(1).data().get("reason").asText()).isEqualTo("SESSION_CANCELLED");
            assertThat(events.get(1).data().get("booking").get("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void anAttendeesCancellationIsPublishedOnceAndPromotesTheFirstInLineOnce() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        JsonPath seated = book(session, anAttendee().build());
        JsonPath next = book(session, anAttendee().build());
        as(Roles.BOOKING).body(Map.of("secret", seated.getString("cancellationSecret")))
                .post("/bookings/" + seated.getString("reference") + "/cancellation").then().statusCode(200);
        // A second cancellation is refused and publishes nothing.
        as(Roles.BOOKING).body(Map.of("secret", seated.getString("cancellationSecret")))
                .post("/bookings/" + seated.getString("reference") + "/cancellation").then().statusCode(409);

        List<ReceivedEvent> cancelled = KafkaEvents.forKey(Topics.TRAINING, seated.getString("id"), 2, Duration.ofSeconds(30));
        assertThat(cancelled).extracting(ReceivedEvent::type)
                .containsExactly(TrainingEventTypes.BOOKING_CONFIRMED, TrainingEventTypes.BOOKING_CANCELLED);
        assertThat(cancelled.get(1).data().get("reason").asText()).isEqualTo("ATTENDEE");
        List<ReceivedEvent> promoted = KafkaEvents.forKey(Topics.TRAINING, next.getString("id"), 2, Duration.ofSeconds(30));
        assertThat(promoted).extracting(ReceivedEvent::type)
                .containsExactly(TrainingEventTypes.BOOKING_WAITLISTED, TrainingEventTypes.BOOKING_PROMOTED);
    }

    @Test
    void theWaitingListIsPagedWithPositionsAcrossPages() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        book(session, anAttendee().build());
        List<String> queue = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queue.add(book(session, anAttendee().build()).getString("reference"));
        }
        asTrainer().queryParam("size", 2).queryParam("page", 1).get("/sessions/" + session + "/waiting-list").then()
                .statusCode(200)
                .body("items.waitlistPosition", org.hamcrest.Matchers.contains(3, 4))
                .body("items.reference", org.hamcrest.Matchers.contains(queue.get(2), queue.get(3)))
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3));
        asTrainer().queryParam("size", 2).queryParam("sort", "position,desc").get("/sessions/" + session + "/waiting-list")
                .then().body("items.waitlistPosition", org.hamcrest.Matchers.contains(5, 4))
                .body("items.reference", org.hamcrest.Matchers.contains(queue.get(4), queue.get(3)));
        asTrainer().queryParam("sort", "name").get("/sessions/" + session + "/waiting-list").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        asTrainer().queryParam("size", 0).get("/sessions/" + session + "/waiting-list").then().statusCode(400);
    }

    @Test
    void theListOfSessionsShowsSeatsLeftAndFiltersOnThem() {
        String organisation = "Seats test " + UUID.randomUUID();
        UUID full = scheduleSession(aSession(createCourse()).capacity(1).bespokeFor(organisation).build());
        UUID roomy = scheduleSession(aSession(createCourse()).capacity(10).bespokeFor(organisation).build());
        book(full, anAttendee().organisation(organisation).build());

        as(Roles.BOOKING).queryParam("minSeatsLeft", 1).queryParam("access", "BESPOKE").queryParam("size", 100)
                .get("/sessions").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(roomy.toString()))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(full.toString())));
        as(Roles.ANALYST).get("/sessions/" + full).then().body("seatsLeft", equalTo(0)).body("seatsTaken", equalTo(1));
    }
}
