package org.preventhub.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Booking creation at fixed arrival rates (an open model: requests arrive whatever the latency), against the
 * training service of a local stack with its PostgreSQL and Kafka, through the public booking client's token.
 * Each step runs {@code step.seconds} at one rate and is reported under its own name ("book @200/s"), so one run
 * gives p50/p99 per rate: the target (p99 ≤ 25 ms at 200/s) and the rate at which p99 passes 100 ms.
 *
 * <p>Properties: {@code rates} (comma-separated, default 200), {@code step.seconds} (default 60),
 * {@code warmup.seconds} (default 300), {@code webhook.subscriber} ({@code true}: the booking website's client
 * subscribes a receiver in this JVM to every type training offers it, so each booking also makes a webhook
 * delivery; at the end the run says how many arrived and how many e-mails the stack's SMTP server holds).
 */
public class BookingSimulation extends Simulation {

    private static final int[] RATES = Arrays.stream(System.getProperty("rates", "200").split(","))
            .mapToInt(r -> Integer.parseInt(r.trim())).toArray();
    private static final int STEP_SECONDS = Integer.getInteger("step.seconds", 60);
    /**
     * A first step, not counted, so the JIT and the connection pools are warm when measuring starts. It ramps from
     * 10/s to 100/s over its first half, holds 100/s, and ends by ramping to the first step's rate: on a fresh
     * stack, 100/s from the first second overloads the cold JIT (the warm-up's own p95 was seconds), and the
     * backlog, with the tables and Kafka log it left behind, still showed in the first measured minute
     * (6 December: after two minutes of it, p99 50-67 ms at 200/s; after five, 17-41 ms).
     */
    private static final int WARMUP_SECONDS = Integer.getInteger("warmup.seconds", 300);
    /**
     * The warm-up's last seconds ramp to the first step's rate: after a jump from 100/s to 200/s, the step's first
     * two seconds were its worst (p99 350-440 ms, 6 December), a transient of the switch, not of the rate.
     */
    private static final int APPROACH_SECONDS = Math.min(30, WARMUP_SECONDS / 2);

    private final java.util.function.Supplier<String> token = Stack.renewingClientToken("booking-website", "booking-website-secret");
    private final List<String> sessions = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private final WebhookReceiver receiver = Boolean.getBoolean("webhook.subscriber") ? WebhookReceiver.start() : null;

    {
        if (receiver != null) {
            // Before the sessions are made, so their scheduling is delivered too.
            receiver.subscribe(token.get());
        }
        // Bookings spread over sessions, as real demand is; each has room for all it will get.
        int needed = Arrays.stream(RATES).map(r -> r * STEP_SECONDS).sum() + 100 * WARMUP_SECONDS;
        int count = Math.max(20, needed / 900 + 1);
        for (int i = 0; i < count; i++) {
            sessions.add(Stack.bookableSession(1000));
        }
    }

    private Iterator<Map<String, Object>> attendees() {
        return Stream.generate(() -> {
            long n = counter.incrementAndGet();
            return Map.<String, Object>of("sessionId", sessions.get((int) (n % sessions.size())),
                    "email", "bench-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        }).iterator();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(Stack.TRAINING)
            .authorizationHeader(session -> "Bearer " + token.get())
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    {
        // warmup.seconds=0: the first step starts cold (the cold-start benchmark, ./benchmarks/run coldstart).
        PopulationBuilder chain = WARMUP_SECONDS == 0 ? null : scenario("warm-up")
                .feed(attendees())
                .exec(http("warm-up").post("/sessions/#{sessionId}/bookings")
                        .body(StringBody("{\"name\":\"Bench Attendee\",\"email\":\"#{email}\",\"sector\":\"BUSINESS\"}"))
                        .check(status().is(201)))
                .injectOpen(rampUsersPerSec(10).to(100).during(WARMUP_SECONDS / 2),
                        constantUsersPerSec(100).during(Math.max(1, WARMUP_SECONDS - WARMUP_SECONDS / 2 - APPROACH_SECONDS)),
                        rampUsersPerSec(100).to(RATES[0]).during(APPROACH_SECONDS));
        for (int i = 0; i < RATES.length; i++) {
            int rate = RATES[i];
            // A rate given more than once (200,200,200,200) is reported per window: how fast a cold stack warms.
            String name = "book @" + rate + "/s" + (Arrays.stream(RATES).filter(r -> r == rate).count() > 1
                    ? " " + i * STEP_SECONDS + "-" + (i + 1) * STEP_SECONDS + "s" : "");
            PopulationBuilder step = scenario("booking at " + rate + "/s #" + i)
                    .feed(attendees())
                    .exec(http(name).post("/sessions/#{sessionId}/bookings")
                            .body(StringBody("{\"name\":\"Bench Attendee\",\"email\":\"#{email}\","
                                    + "\"organisation\":\"Benchmark Ltd\",\"sector\":\"BUSINESS\",\"jobRole\":\"Tester\"}"))
                            .check(status().is(201)))
                    .injectOpen(constantUsersPerSec(rate).during(STEP_SECONDS));
            chain = chain == null ? step : chain.andThen(step);
        }
        setUp(chain).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    /**
     * How far e-mail and webhooks kept up: each booking makes one confirmation e-mail and one places-changed delivery,
     * each session one session-changed delivery. Waits until all have arrived, or nothing new came for 60 s.
     */
    @Override
    public void after() {
        if (receiver == null) {
            return;
        }
        long bookings = counter.get();
        long expectedDeliveries = bookings + sessions.size();
        long end = System.currentTimeMillis();
        long mails = Stack.mailboxCount();
        long mailsCaughtUp = mails >= bookings ? end : 0;
        long lastProgress = end;
        long seen = -1;
        while ((receiver.distinct() < expectedDeliveries || mails < bookings) && System.currentTimeMillis() - lastProgress < 60_000) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            mails = Stack.mailboxCount();
            if (mailsCaughtUp == 0 && mails >= bookings) {
                mailsCaughtUp = System.currentTimeMillis();
            }
            if (receiver.distinct() + mails != seen) {
                seen = receiver.distinct() + mails;
                lastProgress = System.currentTimeMillis();
            }
        }
        System.out.printf("webhooks: %d distinct deliveries (%d requests) of %d expected (%d bookings, %d sessions); "
                        + "the last arrived %.1f s after the load ended%n", receiver.distinct(), receiver.requests(),
                expectedDeliveries, bookings, sessions.size(), Math.max(0, receiver.lastArrival() - end) / 1000.0);
        System.out.printf("e-mails: the stack's SMTP server holds %d for %d bookings; %s%n", mails, bookings,
                mailsCaughtUp == 0 ? "not all arrived" : String.format("all arrived %.1f s after the load ended",
                        (mailsCaughtUp - end) / 1000.0));
        receiver.close();
    }
}
