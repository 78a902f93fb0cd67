package org.preventhub.training.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.preventhub.training.booking.BookingRequest;
import org.preventhub.training.support.Mailbox;
import org.preventhub.training.support.SessionBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.model.Calendar;

/** What people who book are told, read from a real SMTP server, invites parsed as a calendar program would. */
@QuarkusTest
class BookingMessagesTest {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Test
    void aConfirmedBookingGetsOneConfirmationWithAnInviteACalendarCanRead() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().plusDays(10).withNano(0).withSecond(0);
        UUID session = scheduleSession(aSession(createCourse()).startingAt(start).build());
        BookingRequest attendee = anAttendee().build();
        JsonPath booking = book(session, attendee);

        List<MimeMessage> received = Mailbox.await(attendee.email(), 1);
        Thread.sleep(1_000); // several dispatcher rounds: a second copy would have arrived by now
        received = Mailbox.of(attendee.email());
        assertThat(received).hasSize(1);
        MimeMessage confirmation = received.get(0);
        assertThat(Mailbox.subject(confirmation)).startsWith("Booking confirmed");
        assertThat(Mailbox.text(confirmation)).contains("Why you are getting this").contains(booking.getString("reference"));
        Calendar invite = Mailbox.invite(confirmation).orElseThrow();
        assertThat(Mailbox.property(invite, "METHOD")).isEqualTo("REQUEST");
        assertThat(Mailbox.eventProperty(invite, "UID")).isEqualTo("booking-" + booking.getString("id") + "@prevent-hub.local");
        assertThat(Mailbox.eventProperty(invite, "DTSTART")).isEqualTo(UTC.format(start.withOffsetSameInstant(ZoneOffset.UTC)));
        assertThat(Mailbox.eventProperty(invite, "SEQUENCE")).isEqualTo("0");
        assertThat(confirmation.getHeader("Message-ID")[0]).endsWith("@prevent-hub.local>");
    }

    @Test
    void thePersonPromotedFromTheWaitingListAfterACancellationIsToldWithAnInvite() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        JsonPath seated = book(session, anAttendee().build());
        BookingRequest waiting = anAttendee().build();
        JsonPath promoted = book(session, waiting);
        assertThat(Mailbox.of(waiting.email())).isEmpty();

        asTrainer().body(Map.of()).post("/bookings/" + seated.getString("reference") + "/cancellation")
                .then().statusCode(200);

        MimeMessage message = Mailbox.await(waiting.email(), 1).get(0);
        assertThat(Mailbox.subject(message)).contains("from the waiting list");
        assertThat(Mailbox.text(message)).contains("/bookings/" + promoted.getString("reference") + "/promotion-declined");
        assertThat(Mailbox.eventProperty(Mailbox.invite(message).orElseThrow(), "UID")).contains(promoted.getString("id"));
    }

    @Test
    void aRescheduledSessionSendsTheSameInviteOneSequenceHigher() {
        SessionBuilder builder = aSession(createCourse());
        UUID session = scheduleSession(builder.build());
        BookingRequest attendee = anAttendee().build();
        book(session, attendee);
        Calendar first = Mailbox.invite(Mailbox.await(attendee.email(), 1).get(0)).orElseThrow();

        OffsetDateTime later = OffsetDateTime.now().plusDays(20).withNano(0).withSecond(0);
        asTrainer().body(builder.startingAt(later).build()).put("/sessions/" + session).then().statusCode(200);

        MimeMessage update = Mailbox.await(attendee.email(), 2).get(1);
        assertThat(Mailbox.subject(update)).startsWith("New time");
        Calendar second = Mailbox.invite(update).orElseThrow();
        assertThat(Mailbox.eventProperty(second, "UID")).isEqualTo(Mailbox.eventProperty(first, "UID"));
        assertThat(Integer.parseInt(Mailbox.eventProperty(second, "SEQUENCE")))
                .isGreaterThan(Integer.parseInt(Mailbox.eventProperty(first, "SEQUENCE")));
        assertThat(Mailbox.eventProperty(second, "DTSTART")).isEqualTo(UTC.format(later.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    @Test
    void cancellingASessionWithdrawsEveryAttendeesInviteAndTellsTheWaitingList() {
        UUID session = scheduleSession(aSession(createCourse()).capacity(1).build());
        BookingRequest seated = anAttendee().build();
        BookingRequest waiting = anAttendee().build();
        book(session, seated);
        book(session, waiting);
        Calendar invite = Mailbox.invite(Mailbox.await(seated.email(), 1).get(0)).orElseThrow();

        asTrainer().body(Map.of("reason", "Venue closed")).post("/sessions/" + session + "/cancellation")
                .then().statusCode(200);

        MimeMessage withdrawal = Mailbox.await(seated.email(), 2).get(1);
        Calendar cancel = Mailbox.invite(withdrawal).orElseThrow();
        assertThat(Mailbox.property(cancel, "METHOD")).isEqualTo("CANCEL");
        assertThat(Mailbox.eventProperty(cancel, "UID")).isEqualTo(Mailbox.eventProperty(invite, "UID"));
        assertThat(Mailbox.text(withdrawal)).contains("Venue closed");
        MimeMessage told = Mailbox.await(waiting.email(), 1).get(0);
        assertThat(Mailbox.subject(told)).startsWith("Cancelled");
        assertThat(Mailbox.invite(told)).isEmpty();
    }
}
