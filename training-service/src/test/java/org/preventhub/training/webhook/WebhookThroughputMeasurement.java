package org.preventhub.training.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static io.restassured.RestAssured.given;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.WebhookReceiver;
import org.preventhub.training.support.TrainingApi;
import org.preventhub.training.support.Webhooks;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Not a test of the suite (run on request: {@code -Dmeasure.webhooks=true}): bookings at a fixed arrival rate, first
 * with no subscription, then with the booking website subscribed to places left, each booking's answer timed and
 * every delivery counted at a real receiver. It asserts only that every delivery arrived; it prints the figures.
 * In the test JVM (embedded PostgreSQL and Kafka, the test profile's 200 ms dispatch), not the benchmark stack.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measure.webhooks", matches = "true")
class WebhookThroughputMeasurement {

    private static final int RATE = Integer.getInteger("measure.rate", 200);
    private static final int SECONDS = Integer.getInteger("measure.seconds", 20);

    @Test
    void bookingsAtAFixedRateWithAndWithoutASubscriberAndEveryDeliveryArrives() throws Exception {
        UUID course = createCourse();
        run("warm-up (no subscriber)", course, null);
        run("no subscriber", course, null);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String agency = "measure-" + UUID.randomUUID().toString().substring(0, 6);
            UUID subscription = UUID.fromString(Webhooks.asWebsite(agency).body(Map.of("url", receiver.url(),
                    "eventTypes", List.of("training.session.places-changed.v1"))).post("/webhooks/subscriptions")
                    .then().statusCode(201).extract().path("id"));
            run("subscribed", course, receiver);
            Webhooks.asWebsite(agency).delete("/webhooks/subscriptions/" + subscription).then().statusCode(204);
        }
    }

    private void run(String phase, UUID course, WebhookReceiver receiver) throws Exception {
        int total = RATE * SECONDS;
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < (total + 999) / 1000; i++) {
            sessions.add(scheduleSession(aSession(course).capacity(1000).build()));
        }
        int before = receiver == null ? 0 : receiver.received().size();
        // One token for the run, as a booking website reuses its token: signing one per request would be the
        // measurement's own cost.
        String token = TestTokens.as(Roles.BOOKING).agency(TrainingApi.AGENCY).client("booking-website").token();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Long>> answers = new ArrayList<>(total);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            UUID session = sessions.get(i / 1000);
            answers.add(pool.submit(() -> {
                long sent = System.nanoTime();
                given().auth().oauth2(token).contentType(ContentType.JSON).body(anAttendee().build()).post("/sessions/" + session + "/bookings").then().statusCode(201);
                return System.nanoTime() - sent;
            }));
        }
        long[] latencies = new long[total];
        for (int i = 0; i < total; i++) {
            latencies[i] = answers.get(i).get();
        }
        long bookedNanos = System.nanoTime() - start;
        pool.shutdown();
        String deliveries = "";
        if (receiver != null) {
            await().atMost(Duration.ofSeconds(120)).until(() -> receiver.received().size() - before >= total);
            long drained = System.nanoTime() - start;
            assertThat(receiver.received().size() - before).isEqualTo(total);
            deliveries = String.format(", %d deliveries received %.1f s after the first booking (%.0f/s)", total,
                    drained / 1e9, total / (drained / 1e9));
        }
        Arrays.sort(latencies);
        System.out.printf("WEBHOOK-MEASURE %s: %d bookings at %d/s in %.1f s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%s%n",
                phase, total, RATE, bookedNanos / 1e9, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99),
                deliveries);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
