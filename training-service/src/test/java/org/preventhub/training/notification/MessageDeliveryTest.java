package org.preventhub.training.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.infra.MailServer;
import org.preventhub.testing.infra.TestInfrastructure;
import org.preventhub.training.booking.BookingRequest;
import org.preventhub.training.support.Mailbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Sent at most once, retried through an outage, and never what the person declined: against a real SMTP server. */
@QuarkusTest
class MessageDeliveryTest {

    @Inject
    CrashingSmtp smtp;

    @Inject
    Reminders reminders;

    @Test
    void aMessageTheServerTookBeforeTheProcessDiedIsNotSentAgain() throws Exception {
        UUID session = scheduleSession(aSession(createCourse()).build());
        BookingRequest attendee = anAttendee().build();
        var crashed = smtp.crashAfterNextSend();
        JsonPath booking = book(session, attendee);
        crashed.get(20, TimeUnit.SECONDS);

        // The claim outlives the crash; after the sending timeout a dispatcher gives it up instead of sending it again.
        await().atMost(Duration.ofSeconds(20)).until(() -> "UNKNOWN".equals(status(booking, "BOOKING_CONFIRMED")));
        Thread.sleep(1_000); // further dispatcher rounds, which must not send it
        assertThat(Mailbox.of(attendee.email())).hasSize(1);
        assertThat(Sql.rows("SELECT last_error FROM notification WHERE booking_id = ?", uuid(booking)).get(0)
                .get("last_error").toString()).contains("stopped before recording the outcome");
    }

    @Test
    void anSmtpOutageIsRetriedWithBackOffAndTheMessageArrivesOnce() {
        MailServer server = TestInfrastructure.mail();
        UUID session = scheduleSession(aSession(createCourse()).build());
        BookingRequest attendee = anAttendee().build();
        server.stop();
        JsonPath booking;
        try {
            booking = book(session, attendee);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(booking) >= 2);
            assertThat(status(booking, "BOOKING_CONFIRMED")).isIn("PENDING", "SENDING");
        } finally {
            server.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(booking, "BOOKING_CONFIRMED")));
        assertThat(Mailbox.of(attendee.email())).hasSize(1);
    }

    @Test
    void aPersonWhoDeclinedRemindersGetsNoneAndOthersGetOneEach() {
        UUID session = scheduleSession(aSession(createCourse())
                .startingAt(OffsetDateTime.now().plusHours(20).withNano(0)).build());
        BookingRequest declines = anAttendee().build();
        BookingRequest accepts = anAttendee().build();
        JsonPath declined = book(session, declines);
        book(session, accepts);
        Mailbox.await(declines.email(), 1);
        Mailbox.await(accepts.email(), 1);
        as(Roles.BOOKING).body(Map.of("secret", declined.getString("cancellationSecret"), "reminders", false))
                .put("/bookings/" + declined.getString("reference") + "/message-preferences")
                .then().statusCode(200);

        reminders.remindDue();
        reminders.remindDue(); // a second run adds nothing

        assertThat(Mailbox.await(accepts.email(), 2)).hasSize(2);
        assertThat(Mailbox.subject(Mailbox.of(accepts.email()).get(1))).startsWith("Tomorrow");
        assertThat(Mailbox.text(Mailbox.of(accepts.email()).get(1))).contains("/message-preferences");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SKIPPED".equals(status(declined, "REMINDER")));
        assertThat(Mailbox.of(declines.email())).hasSize(1);
    }

    private static UUID uuid(JsonPath booking) {
        return UUID.fromString(booking.getString("id"));
    }

    private static String status(JsonPath booking, String kind) {
        var rows = Sql.rows("SELECT status FROM notification WHERE booking_id = ? AND kind = ?", uuid(booking), kind);
        return rows.isEmpty() ? null : rows.get(0).get("status").toString();
    }

    private static long attempts(JsonPath booking) {
        var rows = Sql.rows("SELECT attempts FROM notification WHERE booking_id = ? AND kind = 'BOOKING_CONFIRMED'",
                uuid(booking));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("attempts")).longValue();
    }
}
