package org.preventhub.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.training.BookingCancelled;
import org.preventhub.contracts.training.BookingConfirmed;
import org.preventhub.contracts.training.BookingSnapshot;
import org.preventhub.contracts.training.CompletionsRecorded;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.SessionSnapshot;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.contracts.training.SessionUpdated;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.DatabaseOutage;
import org.preventhub.reporting.support.Fixture;
import org.preventhub.testing.CloudEventProducer;
import org.preventhub.testing.Infrastructure;
import org.preventhub.testing.JsonBodies;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectionTest {

    @Inject
    ProjectionConsumer consumer;

    private static int sessionsIn(int year, String role) {
        return as(role).get("/indicators/training.sessions-delivered/values?year=" + year).then().statusCode(200)
                .extract().path("figure.value");
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        UUID id = UUID.randomUUID();
        SessionSnapshot session = new SessionSnapshot(id, UUID.randomUUID(), "TWICE", Priority.AWARENESS_LEARNING,
                Fixture.noon(LocalDate.of(2036, 10, 1)), Fixture.noon(LocalDate.of(2036, 10, 1)), DeliveryMode.IN_PERSON,
                "warwick", 20, "OPEN", null, "HEALTH", "DELIVERED");
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.SESSION_DELIVERED, id.toString(),
                    new SessionDelivered(session, Fixture.noon(LocalDate.of(2036, 10, 1)), 10, 9, 1, 0), eventId,
                    Fixture.noon(LocalDate.of(2036, 10, 1)));
        }
        Fixture.deliveredSession("TWICE", LocalDate.of(2036, 11, 1), DeliveryMode.ONLINE, "warwick", 1, 0);
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2036", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
        assertThat(sessionsIn(2036, Roles.ANALYST)).isEqualTo(2);
        assertThat(Sql.count("SELECT count(*) FROM projection_a.processed_event WHERE id = ?", eventId)
                + Sql.count("SELECT count(*) FROM projection_b.processed_event WHERE id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void aBookingRecordedAfterItsSessionCountsOnTheDayItWasMadeAndItsNoShowOnceTheSessionIsDelivered() {
        String course = "LATE-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.of(2062, 2, 10);
        UUID session = UUID.randomUUID();
        UUID came = Fixture.booking(session, course, "HEALTH", Fixture.noon(day.minusDays(20)));
        UUID absent = Fixture.booking(session, course, "HEALTH", Fixture.noon(day.minusDays(3)));
        String year = "year=2061&calendar=reporting&by=course";
        awaitValues(Roles.ANALYST, "training.bookings", year,
                v -> assertThat(v.getMap("breakdown.cells.collectEntries { [it.key, it.figure.value] }"))
                        .containsEntry(course, 2));

        Fixture.mark(session, came, course, day, "HEALTH", true);
        Fixture.mark(session, absent, course, day, "HEALTH", false);
        Fixture.delivered(session, course, day, 2, 1, 1, 0);
        awaitValues(Roles.ANALYST, "training.people-trained", year,
                v -> assertThat(v.getMap("breakdown.cells.collectEntries { [it.key, it.figure.value] }"))
                        .containsEntry(course, 1));
        String schema = generations.active();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Sql.rows("SELECT booked, attended, no_shows FROM " + schema + ".session_fact WHERE session_id = ?", session))
                .containsExactly(Map.of("booked", 2, "attended", 1, "no_shows", 1)));
        assertThat(Sql.count("SELECT count(*) FROM " + schema + ".attendance_fact WHERE session_id = ? AND NOT attended "
                + "AND NOT walk_in", session)).isEqualTo(1);
        assertThat(Sql.rows("SELECT booked_on FROM " + schema + ".booking_fact WHERE booking_id = ?", absent))
                .extracting(row -> row.get("booked_on").toString()).containsExactly(day.minusDays(3).toString());
        // Still counted as booked: a no-show held a seat.
        assertThat(as(Roles.ANALYST).get("/indicators/training.bookings/values?" + year).then().statusCode(200).extract()
                .jsonPath().getMap("breakdown.cells.collectEntries { [it.key, it.figure.value] }")).containsEntry(course, 2);
    }

    @Inject
    Generations generations;

    @Inject
    Projector projector;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static String json(Object payload) {
        try {
            return JsonBodies.MAPPER.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A consumer record as the topics carry it: a CloudEvent in binary mode. */
    private static ConsumerRecord<String, String> cloudEvent(String type, UUID key, Object payload, Instant time, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.TRAINING, 0, offset, key.toString(),
                json(payload));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", time.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void severalChangesOfOneRecordInOneBatchAreAppliedInTheirOrder() throws Exception {
        // Facts go in as multi-row statements; one statement cannot touch a row twice, and the later change of a
        // record must still win without losing what only the earlier one carried (the delivered counts).
        Instant day = Fixture.noon(LocalDate.of(2037, 3, 2));
        UUID sessionId = UUID.randomUUID();
        SessionSnapshot delivered = new SessionSnapshot(sessionId, UUID.randomUUID(), "ORDERED", Priority.AWARENESS_LEARNING,
                day, day, DeliveryMode.IN_PERSON, "warwick", 20, "OPEN", null, "HEALTH", "DELIVERED");
        SessionSnapshot renamedArea = new SessionSnapshot(sessionId, delivered.courseId(), "ORDERED", Priority.AWARENESS_LEARNING,
                day, day, DeliveryMode.IN_PERSON, "rugby", 20, "OPEN", null, "HEALTH", "DELIVERED");
        UUID bookingId = UUID.randomUUID();
        BookingSnapshot confirmed = new BookingSnapshot(bookingId, sessionId, delivered.courseId(), "ORDERED", "CONFIRMED",
                "HEALTH", "WEBSITE", null, null);
        BookingSnapshot cancelled = new BookingSnapshot(bookingId, sessionId, delivered.courseId(), "ORDERED", "CANCELLED",
                "HEALTH", "WEBSITE", null, null);
        List<ConsumerRecord<String, String>> batch = List.of(
                cloudEvent(TrainingEventTypes.BOOKING_CONFIRMED, bookingId, new BookingConfirmed(confirmed), day.minusSeconds(60), 1),
                cloudEvent(TrainingEventTypes.SESSION_DELIVERED, sessionId, new SessionDelivered(delivered, day, 12, 10, 2, 1), day, 2),
                cloudEvent(TrainingEventTypes.BOOKING_CANCELLED, bookingId, new BookingCancelled(cancelled, "ATTENDEE"),
                        day.minusSeconds(30), 3),
                cloudEvent(TrainingEventTypes.SESSION_UPDATED, sessionId, new SessionUpdated(renamedArea), day.plusSeconds(60), 4));
        String schema = generations.active();

        Projector.Outcome outcome;
        try (Connection c = dataSource.getConnection()) { // straight to the projector: no retry in halves to hide a refusal
            c.setAutoCommit(false);
            outcome = projector.apply(c, schema, batch);
            c.commit();
        }

        assertThat(outcome.applied()).isEqualTo(4);
        assertThat(outcome.deadLetters()).isEmpty();
        assertThat(Sql.rows("SELECT area, attended, no_shows FROM " + schema + ".session_fact WHERE session_id = ?", sessionId))
                .containsExactly(Map.of("area", "rugby", "attended", 10, "no_shows", 2));
        assertThat(Sql.rows("SELECT status FROM " + schema + ".booking_fact WHERE booking_id = ?", bookingId))
                .containsExactly(Map.of("status", "CANCELLED"));
    }

    @Test
    void textThatNeedsQuotingAndMissingValuesArriveIntact() throws Exception {
        // Facts travel as one text array per column: commas, quotes, backslashes, braces and the word NULL in a value
        // must not split it or turn it into a null, and a missing value must stay a null.
        UUID eventId = UUID.randomUUID();
        String title = "Faith leaders' forum, \"open\" {all} \\ welcome";
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", eventId.toString());
        event.put("title", title);
        event.put("type", "COMMUNITY_FORUM");
        event.put("status", "PLANNED");
        event.put("area", "warwick");
        event.put("priority", "COMMUNITY_ENGAGEMENT");
        event.put("dates", List.of("2037-05-02"));
        event.put("partnerTypes", List.of("Faith, \"community\" groups", "NULL", "back\\slash"));
        String schema = generations.active();

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            projector.apply(c, schema, List.of(cloudEvent(EngagementEventTypes.EVENT_PLANNED, eventId, Map.of("event", event),
                    Fixture.noon(LocalDate.of(2037, 4, 1)), 1)));
            c.commit();
        }

        assertThat(Sql.rows("SELECT title, audience IS NULL AS no_audience, attendance IS NULL AS no_attendance, "
                + "array_to_json(partner_types)::text AS partners FROM " + schema
                + ".engagement_event_fact WHERE event_id = ?", eventId.toString()))
                .containsExactly(Map.of("title", title, "no_audience", true, "no_attendance", true, "partners", "[\"Faith, \\\"community\\\" groups\",\"NULL\",\"back\\\\slash\"]"));
    }

    @Test
    void aFeedImportPartWhoseListsDoNotLineUpIsDeadLetteredWholeAndTheNextPartGoesIn() throws Exception {
        // Column-wise records: a list one short would shift every later record's values onto the wrong record.
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        LocalDate day = LocalDate.of(2052, 6, 1); // a year no other test counts
        CompletionsRecorded.Records good = new CompletionsRecorded.Records(List.of(third), List.of(UUID.randomUUID()),
                List.of("ALIGNED"), List.of(day), List.of(DeliveryMode.ONLINE), List.of(true), List.of("warwick"),
                List.of("HEALTH"), List.of(true));
        CompletionsRecorded.Records shifted = new CompletionsRecorded.Records(List.of(first, second),
                List.of(UUID.randomUUID(), UUID.randomUUID()), List.of("ALIGNED", "ALIGNED"), List.of(day, day),
                List.of(DeliveryMode.ONLINE, DeliveryMode.ONLINE), List.of(true, true), List.of("rugby"),
                List.of("HEALTH", "HEALTH"), List.of(true, false));
        UUID importId = UUID.randomUUID();
        Instant at = Fixture.noon(day);
        String schema = generations.active();

        Projector.Outcome outcome;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outcome = projector.apply(c, schema, List.of(
                    cloudEvent(TrainingEventTypes.COMPLETIONS_RECORDED, importId,
                            new CompletionsRecorded(importId, "council", 1, shifted), at, 1),
                    cloudEvent(TrainingEventTypes.COMPLETIONS_RECORDED, importId,
                            new CompletionsRecorded(importId, "council", 2, good), at, 2)));
            c.commit();
        }

        assertThat(outcome.deadLetters()).extracting(Projector.DeadLetter::reason)
                .singleElement().asString().contains("area");
        assertThat(Sql.rows("SELECT record_id::text AS id, area, completed FROM " + schema
                + ".completion_fact WHERE record_id IN (?, ?, ?)", first, second, third))
                .containsExactly(Map.of("id", third.toString(), "area", "warwick", "completed", true));
    }

    @Test
    void eventsRedeliveredAfterTheDatabaseCommitButBeforeTheOffsetCommitNeverCountTwice() throws Exception {
        for (int i = 0; i < 3; i++) {
            Fixture.deliveredSession("REDELIVERY", LocalDate.of(2037, 10, 1 + i), DeliveryMode.ONLINE, "rugby", 2, 0);
        }
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2037", v -> assertThat(v.getInt("figure.value")).isEqualTo(3));

        // As after a crash with the offsets not committed: everything is read again from the start.
        consumer.rewind().get();
        Fixture.deliveredSession("REDELIVERY", LocalDate.of(2037, 11, 1), DeliveryMode.ONLINE, "rugby", 2, 0);
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2037", v -> assertThat(v.getInt("figure.value")).isEqualTo(4));
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2037", v -> assertThat(v.getInt("figure.value")).isEqualTo(8));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() {
        String key = "poison-" + UUID.randomUUID();
        CloudEventProducer.send(Topics.TRAINING, key, "{not json", Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", TrainingEventTypes.SESSION_DELIVERED, "ce_time", "2038-10-01T10:00:00Z"));
        CloudEventProducer.send(Topics.TRAINING, key, "{\"session\": {\"sessionId\": \"not-a-uuid\"}}",
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", TrainingEventTypes.SESSION_DELIVERED,
                        "ce_time", "2038-10-01T10:00:00Z"));
        CloudEventProducer.send(Topics.TRAINING, key, "{}", Map.of("no", "cloud event"));
        Fixture.deliveredSession("AFTER-POISON", LocalDate.of(2038, 10, 2), DeliveryMode.ONLINE, "rugby", 2, 0);

        List<ReceivedEvent> dead = KafkaEvents.await("reporting.dead-letter", e -> key.equals(e.key()), 3, Duration.ofSeconds(30));
        assertThat(dead).extracting(e -> e.headers().get("dlq_reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(dead.get(0).headers()).containsEntry("dlq_topic", Topics.TRAINING).containsKey("dlq_offset");
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2038", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
    }

    @Test
    void aRebuildGivesExactlyTheSameFiguresWhileTheOldOnesKeepAnswering() {
        for (int i = 0; i < 5; i++) {
            Fixture.deliveredSession("REBUILD", LocalDate.of(2039, 10, 1 + i), DeliveryMode.IN_PERSON, "warwick", 3, 1);
            Fixture.referral(LocalDate.of(2039, 10, 1 + i), "rebuild-area", List.of("OTHER"), "31-40", null);
        }
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", "year=2039", v -> assertThat(v.getInt("figure.value")).isEqualTo(5));
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2039", v -> assertThat(v.getInt("figure.value")).isEqualTo(15));
        String before = as(Roles.PREVENT_LEAD).get("/reports/annual?year=2039").then().statusCode(200).extract().jsonPath()
                .getList("sections.indicators.figure").toString();
        String activeBefore = as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("activeSchema");

        as(Roles.ANALYST).post("/projections/rebuild").then().statusCode(403);
        as(Roles.PREVENT_LEAD).post("/projections/rebuild").then().statusCode(202);
        // Still answering during the rebuild.
        assertThat(sessionsIn(2039, Roles.ANALYST)).isEqualTo(5);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().body("status", org.hamcrest.Matchers.equalTo("DONE")));
        String activeAfter = as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("activeSchema");
        assertThat(activeAfter).isNotEqualTo(activeBefore);

        String after = as(Roles.PREVENT_LEAD).get("/reports/annual?year=2039").then().statusCode(200).extract().jsonPath()
                .getList("sections.indicators.figure").toString();
        assertThat(after).isEqualTo(before);
        // And live events keep flowing into the rebuilt projection.
        Fixture.deliveredSession("REBUILD", LocalDate.of(2039, 12, 1), DeliveryMode.IN_PERSON, "warwick", 1, 0);
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2039", v -> assertThat(v.getInt("figure.value")).isEqualTo(6));
    }

    @Inject
    MeterRegistry registry;

    @Inject
    DeadLetters deadLetters;

    private double counter(String name) {
        return registry.counter(name).count();
    }

    private static Timestamp now() {
        return (Timestamp) Sql.rows("SELECT now()::timestamp AS now").get(0).get("now");
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsUnreachableAreEachProjectedOnceAndNoneIsDeadLettered() throws Exception {
        Fixture.deliveredSession("OUTAGE", LocalDate.of(2041, 9, 20), DeliveryMode.ONLINE, "rugby", 1, 0);
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2041", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
        Timestamp start = now();
        double retriedBefore = counter("reporting.batches.retried");

        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            for (int i = 0; i < 5; i++) {
                Fixture.deliveredSession("OUTAGE", LocalDate.of(2041, 10, 1 + i), DeliveryMode.IN_PERSON, "rugby", 2, 1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> counter("reporting.batches.retried") >= retriedBefore + 2);
            Thread.sleep(2_000); // more retries, all refused
        }

        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2041", v -> assertThat(v.getInt("figure.value")).isEqualTo(6));
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2041", v -> assertThat(v.getInt("figure.value")).isEqualTo(11));
        assertThat(Sql.count("SELECT count(*) FROM dead_letter WHERE recorded_at >= ?", start)).isZero();
    }

    @Test
    void aRebuildWaitsOutADatabaseOutageAndSwapsInOnlyTheCompleteProjection() throws Exception {
        for (int i = 0; i < 3; i++) {
            Fixture.deliveredSession("REBUILD-OUTAGE", LocalDate.of(2043, 10, 1 + i), DeliveryMode.IN_PERSON, "warwick", 2, 0);
        }
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2043", v -> assertThat(v.getInt("figure.value")).isEqualTo(3));
        awaitRebuildIdle();
        String active = as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("activeSchema");
        String target = active.equals("projection_a") ? "projection_b" : "projection_a";

        // Hold the rebuild at its first step, then take the database away under it.
        try (Connection holder = Sql.connection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE " + target + ".processed_event IN ACCESS EXCLUSIVE MODE");
            var rs = holder.createStatement().executeQuery("SELECT pg_backend_pid()");
            rs.next();
            int pid = rs.getInt(1);
            as(Roles.PREVENT_LEAD).post("/projections/rebuild").then().statusCode(202);
            Thread.sleep(500);
            try (DatabaseOutage outage = DatabaseOutage.begin(pid)) {
                for (int i = 0; i < 2; i++) {
                    Fixture.deliveredSession("REBUILD-OUTAGE", LocalDate.of(2043, 11, 1 + i), DeliveryMode.IN_PERSON, "warwick", 2, 0);
                }
                Thread.sleep(2_000);
            }
            holder.rollback();
        }

        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().body("status", org.hamcrest.Matchers.equalTo("DONE")));
        assertThat((String) as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("activeSchema")).isEqualTo(target);
        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2043", v -> assertThat(v.getInt("figure.value")).isEqualTo(5));
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2043", v -> assertThat(v.getInt("figure.value")).isEqualTo(10));
    }

    @Inject
    CrashingOffsetCommit crashes;

    @Test
    void aConsumerStoppedAfterItsDatabaseCommitButBeforeItsOffsetCommitCountsNothingTwiceOnceStartedAgain() throws Exception {
        double duplicatesBefore = counter("reporting.events.duplicates");
        CompletableFuture<Void> crashed = crashes.crashAfterNextDatabaseCommit();
        for (int i = 0; i < 4; i++) {
            Fixture.deliveredSession("CRASH", LocalDate.of(2042, 10, 1 + i), DeliveryMode.ONLINE, "rugby", 3, 0);
        }
        crashed.get(30, TimeUnit.SECONDS);
        // Stopped: its last batch is in the database, its offsets are not committed.
        consumer.restart();

        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2042", v -> assertThat(v.getInt("figure.value")).isEqualTo(4));
        awaitValues(Roles.ANALYST, "training.people-trained", "year=2042", v -> assertThat(v.getInt("figure.value")).isEqualTo(12));
        assertThat(counter("reporting.events.duplicates")).as("the batch it stopped in was delivered again, and skipped")
                .isGreaterThan(duplicatesBefore);
    }

    @Test
    void aDeadLetterWaitsInTheDatabaseUntilTheDeadLetterTopicTakesIt() throws Exception {
        String key = "unsendable-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "reporting.dead-letter");
            try {
                admin.createTopics(List.of(new NewTopic("reporting.dead-letter", 3, (short) 1))).all().get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(TopicExistsException.class);
            }
            // The topic refuses anything but the tiniest record: every dead letter fails to send.
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "64"),
                    AlterConfigOp.OpType.SET)))).all().get();
            try {
                CloudEventProducer.send(Topics.TRAINING, key, "{not json", Map.of("ce_id", eventId, "ce_type",
                        TrainingEventTypes.SESSION_DELIVERED, "ce_time", "2048-10-01T10:00:00Z"));
                Fixture.deliveredSession("AFTER-UNSENDABLE", LocalDate.of(2048, 10, 2), DeliveryMode.ONLINE, "rugby", 1, 0);
                awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2048", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
                assertThat(Sql.count("SELECT count(*) FROM dead_letter WHERE event_id = ? AND sent_at IS NULL", eventId)).isEqualTo(1);
                Thread.sleep(1_500);
                assertThat(Sql.count("SELECT count(*) FROM dead_letter WHERE event_id = ? AND sent_at IS NULL", eventId))
                        .as("not sent while the topic refuses it").isEqualTo(1);
            } finally {
                admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", ""),
                        AlterConfigOp.OpType.DELETE)))).all().get();
            }
        }
        deadLetters.wake();
        List<ReceivedEvent> dead = KafkaEvents.await("reporting.dead-letter", e -> key.equals(e.key()), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).headers()).containsEntry("ce_id", eventId).containsEntry("dlq_topic", Topics.TRAINING);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                Sql.count("SELECT count(*) FROM dead_letter WHERE event_id = ? AND sent_at IS NOT NULL", eventId) == 1);
    }

    @Test
    void aDeadLetteredEventFixedAndReplayedFromTheDeadLetterTopicIsProjected() throws Exception {
        UUID sessionId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        CloudEventProducer.send(Topics.TRAINING, sessionId.toString(), "{\"session\": {\"sessionId\": \"not-a-uuid\"}}",
                Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", TrainingEventTypes.SESSION_DELIVERED,
                        "ce_source", "/prevent-hub/training-service", "ce_time", "2049-10-01T12:00:00Z"));
        ReceivedEvent dead = KafkaEvents.await("reporting.dead-letter", e -> eventId.equals(e.id()), 1, Duration.ofSeconds(30)).get(0);
        assertThat(dead.headers().get("dlq_reason")).contains("cannot project");

        // Someone fixes the body and sends it back where it came from, with its id and type.
        SessionSnapshot session = new SessionSnapshot(sessionId, UUID.randomUUID(), "REPLAYED", Priority.AWARENESS_LEARNING,
                Fixture.noon(LocalDate.of(2049, 10, 1)), Fixture.noon(LocalDate.of(2049, 10, 1)), DeliveryMode.IN_PERSON,
                "warwick", 20, "OPEN", null, "HEALTH", "DELIVERED");
        Map<String, String> headers = new HashMap<>(dead.headers());
        headers.keySet().removeIf(name -> name.startsWith("dlq_"));
        CloudEventProducer.send(dead.headers().get("dlq_topic"), dead.key(), JsonBodies.MAPPER.writeValueAsString(
                new SessionDelivered(session, Fixture.noon(LocalDate.of(2049, 10, 1)), 10, 9, 1, 0)), headers);

        awaitValues(Roles.ANALYST, "training.sessions-delivered", "year=2049", v -> assertThat(v.getInt("figure.value")).isEqualTo(1));
    }

    @Test
    void aRebuildLeftRunningByAStoppedProcessIsMarkedInterruptedAndCanBeStartedAgain() {
        awaitRebuildIdle();
        // What a process killed mid-rebuild leaves behind: RUNNING, and nobody holding the rebuild's lock.
        Sql.update("UPDATE projection_state SET rebuild_status = 'RUNNING', rebuild_started_at = now(), rebuild_finished_at = NULL WHERE id = 1");

        as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("INTERRUPTED"))
                .body("error", org.hamcrest.Matchers.containsString("stopped during the rebuild"));
        as(Roles.PREVENT_LEAD).post("/projections/rebuild").then().statusCode(202);
        awaitRebuildIdle();
        as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().body("status", org.hamcrest.Matchers.equalTo("DONE"));
    }

    private static void awaitRebuildIdle() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                (String) as(Roles.PREVENT_LEAD).get("/projections/rebuild").then().extract().path("status")).isNotEqualTo("RUNNING"));
    }
}
