package org.preventhub.training.idempotency;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.CourseBuilder.aCourse;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.holdSession;
import static org.preventhub.training.support.Webhooks.asWebsite;
import static org.preventhub.training.support.Webhooks.failedDelivery;
import static org.preventhub.training.support.Webhooks.pausedSubscription;
import static org.preventhub.training.support.Webhooks.subscriptionRequest;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.IdempotencyContract;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.Write;
import org.preventhub.testing.openapi.ServiceDocument;
import org.preventhub.training.support.CompletionFile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every state-changing POST and PUT of the training service honours {@code Idempotency-Key}, driven by its own
 * OpenAPI document: a new write without an entry in {@link #WRITES} fails {@link #everyWriteHasAnEntryInTheTable}.
 */
@QuarkusTest
class EveryWriteIsIdempotentTest {

    static final Map<String, String> READS = Map.of(
            "POST /subject-access", "a subject access export (a read sent as POST to keep the e-mail out of the URL; logged)");

    static final Map<String, Supplier<Write>> WRITES = Map.ofEntries(
            entry("POST /webhooks/subscriptions", () -> Write.post("/webhooks/subscriptions")
                    .as(() -> asWebsite("idem-website"))
                    .body(subscriptionRequest("first")).otherBody(subscriptionRequest("another"))
                    .effect(() -> Sql.count("SELECT count(*) FROM webhook_subscription WHERE owner_agency = 'idem-website'"))),
            entry("POST /webhooks/subscriptions/{id}/pause", () -> {
                UUID subscription = pausedSubscription("idem-website-pause");
                asWebsite("idem-website-pause").post("/webhooks/subscriptions/" + subscription + "/resume")
                        .then().statusCode(200);
                return Write.post("/webhooks/subscriptions/" + subscription + "/pause")
                        .as(() -> asWebsite("idem-website-pause")).bodiless()
                        .effect(() -> Sql.count("SELECT count(*) FROM webhook_subscription WHERE id = ? AND status = 'PAUSED'",
                                subscription));
            }),
            entry("POST /webhooks/subscriptions/{id}/resume", () -> {
                UUID subscription = pausedSubscription("idem-website-resume");
                return Write.post("/webhooks/subscriptions/" + subscription + "/resume")
                        .as(() -> asWebsite("idem-website-resume")).bodiless()
                        .effect(() -> Sql.count("SELECT count(*) FROM webhook_subscription WHERE id = ? AND status = 'ACTIVE'",
                                subscription));
            }),
            entry("POST /webhooks/subscriptions/{id}/deliveries/{deliveryId}/replay", () -> {
                UUID subscription = pausedSubscription("idem-website-replay");
                UUID delivery = failedDelivery(subscription);
                return Write.post("/webhooks/subscriptions/" + subscription + "/deliveries/" + delivery + "/replay")
                        .as(() -> asWebsite("idem-website-replay")).bodiless()
                        .effect(() -> Sql.count("SELECT count(*) FROM webhook_delivery WHERE id = ? AND status = 'PENDING'",
                                delivery));
            }),
            entry("POST /courses", () -> Write.post("/courses").as(() -> asTrainer())
                    .body(aCourse().build()).otherBody(aCourse().build()).effect(EveryWriteIsIdempotentTest::events)),
            entry("PUT /courses/{id}", () -> {
                UUID course = createCourse();
                return Write.put("/courses/" + course).as(() -> asTrainer())
                        .body(aCourse().title("Renamed once").build()).otherBody(aCourse().title("Renamed twice").build())
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /sessions", () -> {
                UUID course = createCourse();
                return Write.post("/sessions").as(() -> asTrainer())
                        .body(aSession(course).capacity(10).build()).otherBody(aSession(course).capacity(11).build())
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("PUT /sessions/{id}", () -> {
                UUID session = scheduleSession(aSession(createCourse()).capacity(10).build());
                return Write.put("/sessions/" + session).as(() -> asTrainer())
                        .body(aSession(null).capacity(12).build()).otherBody(aSession(null).capacity(13).build())
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /sessions/{id}/cancellation", () -> {
                UUID session = scheduleSession(aSession(createCourse()).build());
                return Write.post("/sessions/" + session + "/cancellation").as(() -> asTrainer())
                        .body(Map.of("reason", "Venue closed")).otherBody(Map.of("reason", "Trainer unwell"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /sessions/{sessionId}/bookings", () -> {
                UUID session = scheduleSession(aSession(createCourse()).build());
                return Write.post("/sessions/" + session + "/bookings").as(() -> as(Roles.BOOKING))
                        .body(anAttendee().build()).otherBody(anAttendee().build())
                        .effect(() -> Sql.count("SELECT count(*) FROM booking WHERE session_id = ?", session));
            }),
            entry("POST /bookings/{reference}/cancellation", () -> {
                JsonPath booking = book(scheduleSession(aSession(createCourse()).build()), anAttendee().build());
                return Write.post("/bookings/" + booking.getString("reference") + "/cancellation")
                        .as(() -> as(Roles.BOOKING))
                        .body(Map.of("secret", booking.getString("cancellationSecret")))
                        .otherBody(Map.of("secret", booking.getString("cancellationSecret") + "x"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /bookings/{reference}/promotion-declined", () -> {
                UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
                JsonPath seated = book(session, anAttendee().build());
                JsonPath promoted = book(session, anAttendee().build());
                book(session, anAttendee().build());
                asTrainer().body(Map.of()).post("/bookings/" + seated.getString("reference") + "/cancellation")
                        .then().statusCode(200);
                return Write.post("/bookings/" + promoted.getString("reference") + "/promotion-declined")
                        .as(() -> as(Roles.BOOKING))
                        .body(Map.of("secret", promoted.getString("cancellationSecret")))
                        .otherBody(Map.of("secret", promoted.getString("cancellationSecret") + "x"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /bookings/{reference}/evaluation", () -> {
                UUID session = scheduleSession(aSession(createCourse()).build());
                JsonPath came = attendedHeldSession(session);
                Map<String, Object> form = answers(4);
                form.put("secret", came.getString("cancellationSecret"));
                Map<String, Object> other = new HashMap<>(form);
                other.put("usefulness", 5);
                return Write.post("/bookings/" + came.getString("reference") + "/evaluation").as(() -> as(Roles.BOOKING))
                        .body(form).otherBody(other).effect(() -> evaluations(session));
            }),
            entry("POST /bookings/{reference}/certificate", () -> {
                JsonPath came = attendedHeldSession(scheduleSession(aSession(createCourse()).build()));
                return Write.post("/bookings/" + came.getString("reference") + "/certificate").as(() -> as(Roles.BOOKING))
                        .body(Map.of("secret", came.getString("cancellationSecret")))
                        .otherBody(Map.of("secret", came.getString("cancellationSecret") + "x"))
                        .effect(() -> Sql.count("SELECT count(*) FROM notification WHERE kind = 'CERTIFICATE'"));
            }),
            entry("POST /sessions/{sessionId}/evaluations", () -> {
                UUID session = scheduleSession(aSession(createCourse()).build());
                attendedHeldSession(session);
                String attendance = asTrainer().get("/sessions/" + session + "/attendance").then().extract()
                        .path("items[0].id");
                Map<String, Object> form = answers(4);
                form.put("attendanceId", attendance);
                Map<String, Object> other = new HashMap<>(form);
                other.put("usefulness", 5);
                return Write.post("/sessions/" + session + "/evaluations").as(() -> asTrainer())
                        .body(List.of(form)).otherBody(List.of(other)).effect(() -> evaluations(session));
            }),
            entry("PUT /sessions/{sessionId}/attendance", () -> {
                UUID session = scheduleSession(aSession(createCourse()).build());
                JsonPath booking = book(session, anAttendee().build());
                holdSession(session);
                return Write.put("/sessions/" + session + "/attendance").as(() -> asTrainer())
                        .body(Map.of("bookings", List.of(Map.of("bookingId", booking.getString("id"), "attended", true))))
                        .otherBody(Map.of("bookings", List.of(Map.of("bookingId", booking.getString("id"), "attended", false))))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("PUT /bookings/{reference}/message-preferences", () -> {
                JsonPath booking = book(scheduleSession(aSession(createCourse()).build()), anAttendee().build());
                return Write.put("/bookings/" + booking.getString("reference") + "/message-preferences")
                        .as(() -> as(Roles.BOOKING))
                        .body(Map.of("secret", booking.getString("cancellationSecret"), "reminders", false))
                        .otherBody(Map.of("secret", booking.getString("cancellationSecret"), "reminders", true))
                        .effect(() -> Sql.count("SELECT count(*) FROM message_preference"));
            }),
            entry("POST /trainers/me/calendar-url", () -> Write.post("/trainers/me/calendar-url")
                    .as(() -> asTrainer()).bodiless()
                    .effect(() -> Sql.count("SELECT coalesce(sum(generation), 0) FROM calendar_feed"))),
            entry("POST /sessions/{sessionId}/delivery", () -> {
                UUID session = scheduleSession(aSession(createCourse()).build());
                book(session, anAttendee().build());
                holdSession(session);
                return Write.post("/sessions/" + session + "/delivery").as(() -> asTrainer()).bodiless()
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /sessions/{sessionId}/attendance/{attendanceId}/correction", () -> {
                UUID session = scheduleSession(aSession(createCourse()).build());
                book(session, anAttendee().build());
                holdSession(session);
                asTrainer().post("/sessions/" + session + "/delivery").then().statusCode(200);
                String attendance = asTrainer().get("/sessions/" + session + "/attendance").then().extract()
                        .path("items[0].id");
                return Write.post("/sessions/" + session + "/attendance/" + attendance + "/correction")
                        .as(() -> asTrainer())
                        .body(Map.of("attended", true, "reason", "Signed the paper register late"))
                        .otherBody(Map.of("attended", true, "reason", "Another reason"))
                        .effect(EveryWriteIsIdempotentTest::events);
            }),
            entry("POST /feeds/{feed}/imports", () -> {
                String source = "council-" + UUID.randomUUID().toString().substring(0, 8);
                String courseCode = aCourse().build().code();
                createCourse(aCourse().code(courseCode).build());
                String token = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
                return Write.post("/feeds/completions/imports").as(() -> given().auth().oauth2(token))
                        .contentType("text/csv").header("Prefer", "wait=30")
                        .body(CompletionFile.withPrefix(source).good(3, courseCode).csv())
                        .otherBody(CompletionFile.withPrefix(source + "b").good(2, courseCode).csv())
                        .claimedApart()
                        .effect(() -> Sql.count("SELECT count(*) FROM feed_import WHERE source = ?", source));
            }),
            entry("POST /subject-access/erasure", () -> {
                String email = book(scheduleSession(aSession(createCourse()).build()), anAttendee().build())
                        .getString("attendee.email");
                return Write.post("/subject-access/erasure").as(() -> as(Roles.PREVENT_LEAD))
                        .header("X-Access-Purpose", "Erasure request SAR-1")
                        .body(Map.of("email", email)).otherBody(Map.of("email", "someone.else@example.org"))
                        .effect(() -> Sql.count("SELECT count(*) FROM subject_access_log"));
            }),
            entry("POST /retention/runs", () -> Write.post("/retention/runs").as(() -> as(Roles.PREVENT_LEAD)).bodiless()
                    .effect(() -> Sql.count("SELECT count(*) FROM subject_access_log"))),
            entry("PUT /feeds/mappings/{source}/{kind}/{code}", () -> {
                String source = "council-" + UUID.randomUUID().toString().substring(0, 8);
                String courseCode = aCourse().build().code();
                createCourse(aCourse().code(courseCode).build());
                return Write.put("/feeds/mappings/" + source + "/course/WDC-PREV").as(() -> as(Roles.PREVENT_LEAD))
                        .body(Map.of("internalCode", courseCode)).otherBody(Map.of("internalCode", courseCode + "X"))
                        .effect(() -> Sql.count("SELECT count(*) FROM feed_code_mapping WHERE source = ?", source));
            }));

    private static long events() {
        return Sql.count("SELECT count(*) FROM outbox_event");
    }

    private static long evaluations(UUID session) {
        return Sql.count("SELECT count(*) FROM evaluation WHERE session_id = ?", session);
    }

    private static Map<String, Object> answers(int usefulness) {
        Map<String, Object> form = new HashMap<>();
        form.put("understandsHowToShareConcern", true);
        form.put("confidenceBefore", 2);
        form.put("confidenceAfter", 4);
        form.put("usefulness", usefulness);
        return form;
    }

    /** A held session with one booking marked attended; returns the booking. */
    private static JsonPath attendedHeldSession(UUID session) {
        JsonPath came = book(session, anAttendee().build());
        holdSession(session);
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", came.getString("id"), "attended", true))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
        return came;
    }

    @Test
    void everyPostAndPutDeclaresTheIdempotencyKeyHeader() {
        IdempotencyContract.everyWriteDeclaresTheKey(ServiceDocument.read(), READS);
    }

    @Test
    void everyWriteHasAnEntryInTheTable() {
        IdempotencyContract.everyWriteHasACase(ServiceDocument.read(), READS, WRITES.keySet());
    }

    @TestFactory
    Stream<DynamicTest> aRetryAnswersTheFirstAnswerWithOneEffectAndAnotherBodyWithTheSameKeyIs422() {
        return IdempotencyContract.retries(WRITES);
    }

    @TestFactory
    Stream<DynamicTest> concurrentRetriesWithOneKeyHaveOneEffect() {
        return IdempotencyContract.concurrentRetries(WRITES);
    }
}
