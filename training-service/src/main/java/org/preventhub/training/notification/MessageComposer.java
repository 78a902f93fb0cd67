package org.preventhub.training.notification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.calendar.ICalendar;
import org.preventhub.platform.notification.Dispatcher;
import org.preventhub.platform.notification.Dispatcher.Composed;
import org.preventhub.platform.reference.ReferenceDataConfig;
import org.preventhub.training.booking.Booking;
import org.preventhub.training.session.TrainingSession;
import org.preventhub.training.trainee.PersonalData;
import org.preventhub.training.trainee.Trainee;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;

/**
 * Makes a claimed message from the booking as it is now (the address decrypted only here, for the SMTP server):
 * the text from {@code templates/notification/<KIND>.txt}, which says why it was sent, and the invite where the
 * kind carries one. Or says why it is not sent: the person declined it, or nobody is left to send it to.
 */
@ApplicationScoped
public class MessageComposer implements Dispatcher.Composer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final EntityManager em;
    private final PersonalData personal;
    private final Engine qute;
    private final NotificationConfig config;
    private final MessagePreferences preferences;
    private final ZoneId zone;
    private final String from;

    public MessageComposer(EntityManager em, PersonalData personal, Engine qute, NotificationConfig config,
            MessagePreferences preferences, ReferenceDataConfig reference,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.em = em;
        this.personal = personal;
        this.qute = qute;
        this.config = config;
        this.preferences = preferences;
        this.zone = reference.timezone();
        this.from = address(from);
    }

    @Override
    @Transactional
    public Composed compose(UUID notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        Booking booking = em.find(Booking.class, n.bookingId);
        Trainee attendee = booking.attendee(personal);
        if (attendee.email() == null) {
            return Composed.skip("nobody to send it to: the attendee's identity was erased");
        }
        if (!n.kind.essential && !preferences.wantsReminders(booking.emailIndex)) {
            return Composed.skip("declined by the person (no reminders)");
        }
        TrainingSession session = booking.session;
        String title = session.course.title;
        String place = session.mode == DeliveryMode.ONLINE ? "Online: " + session.onlineLink : session.venue;
        String page = config.bookingSiteUrl() + "/bookings/" + booking.reference;
        String text = qute.getTemplate("notification/" + n.kind.name())
                .data("name", attendee.name())
                .data("course", title)
                .data("when", WHEN.format(session.startsAt.atZone(zone)) + "–" + TIME.format(session.endsAt.atZone(zone)))
                .data("place", place)
                .data("reference", booking.reference)
                .data("bookingPage", page)
                .data("evaluationLink", page + "/evaluation")
                .data("declineLink", page + "/promotion-declined")
                .data("preferencesLink", page + "/message-preferences")
                .data("cancellationReason", session.cancellationReason)
                .data("sender", config.senderName())
                .data("invite", n.kind.method != null && n.icalSequence != null)
                .render();
        Mail mail = Mail.withText(attendee.email(), n.kind.subject(title), text)
                .addHeader("Message-ID", "<" + n.id + "@" + config.messageIdDomain() + ">");
        if (n.kind.method != null && n.icalSequence != null) {
            ICalendar.Method method = n.kind.method;
            String ics = CalendarFeeds.ICAL.invitation(method, new ICalendar.Event("booking-" + booking.id + "@" + config.messageIdDomain(),
                    n.icalSequence, session.startsAt, session.endsAt, title, place,
                    "Booking " + booking.reference + ". " + page, method == ICalendar.Method.CANCEL),
                    config.senderName(), from, attendee.name(), attendee.email());
            mail.addAttachment("invite.ics", ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + method.name());
        }
        if (n.kind == MessageKind.CERTIFICATE) {
            long minutes = java.time.Duration.between(session.startsAt, session.endsAt).toMinutes();
            mail.addAttachment("certificate.pdf", CertificatePdf.render(new CertificatePdf.Content(attendee.name(), title,
                    session.course.code, DAY.format(session.startsAt.atZone(zone)), hours(minutes), booking.reference,
                    config.senderName())), "application/pdf");
        }
        return Composed.send(mail);
    }

    /** "1.5 hours", "2 hours": what a certificate counts. */
    static String hours(long minutes) {
        String count = java.math.BigDecimal.valueOf(minutes).divide(java.math.BigDecimal.valueOf(60), 2,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return count + (minutes == 60 ? " hour" : " hours");
    }

    /** The bare address of {@code Name <address>}, as a mailto URI needs it. */
    static String address(String from) {
        int open = from.indexOf('<');
        int close = from.indexOf('>', open + 1);
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }
}
