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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class LastSeatsTest {

    @Test
    void fiftyConcurrentRequestsForTheLastThreeSeatsConfirmThreeAndQueueFortySevenInOrder() throws Exception {
        UUID session = scheduleSession(aSession(createCourse()).capacity(5).build());
        book(session, anAttendee().build());
        book(session, anAttendee().build());

        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> book(session, anAttendee().build()));
        }
        List<JsonPath> answers = new ArrayList<>();
        for (Future<JsonPath> future : pool.invokeAll(calls)) {
            answers.add(future.get());
        }
        pool.shutdown();

        assertThat(answers.stream().filter(a -> a.getString("status").equals("CONFIRMED"))).hasSize(3);
        List<JsonPath> waitlisted = answers.stream().filter(a -> a.getString("status").equals("WAITLISTED")).toList();
        assertThat(waitlisted).hasSize(47);
        assertThat(waitlisted.stream().map(a -> a.getInt("waitlistPosition")).sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 47).boxed().toList());
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE session_id = ? AND status = 'CONFIRMED'", session)).isEqualTo(5);

        // The queue the service keeps is the order positions were given.
        List<String> queue = asTrainer().queryParam("size", 100).get("/sessions/" + session + "/waiting-list").then()
                .statusCode(200).body("totalItems", equalTo(47)).extract().jsonPath().getList("items.reference");
        List<String> byPosition = waitlisted.stream().sorted(Comparator.comparingInt(a -> a.getInt("waitlistPosition")))
                .map(a -> a.getString("reference")).toList();
        assertThat(queue).isEqualTo(byPosition);
        asTrainer().get("/sessions/" + session).then()
                .body("seatsTaken", equalTo(5)).body("seatsLeft", equalTo(0)).body("waiting", equalTo(47));

        // A cancellation promotes the first in line, with its event.
        JsonPath confirmed = answers.stream().filter(a -> a.getString("status").equals("CONFIRMED")).findFirst().orElseThrow();
        as(Roles.BOOKING).body(Map.of("secret", confirmed.getString("cancellationSecret")))
                .post("/bookings/" + confirmed.getString("reference") + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        String first = byPosition.get(0);
        String firstId = waitlisted.stream().filter(a -> a.getString("reference").equals(first)).findFirst().orElseThrow().getString("id");
        asTrainer().get("/bookings/" + firstId).then().body("status", equalTo("CONFIRMED")).body("promotedAt", org.hamcrest.Matchers.notNullValue());
        asTrainer().get("/sessions/" + session + "/waiting-list").then().body("items[0].waitlistPosition", equalTo(1))
                .body("totalItems", equalTo(46));
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.TRAINING, firstId, 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type)
                .containsExactly(TrainingEventTypes.BOOKING_WAITLISTED, TrainingEventTypes.BOOKING_PROMOTED);
        asTrainer().get("/sessions/" + session).then().body("seatsTaken", equalTo(5)).body("waiting", equalTo(46));
    }
}
