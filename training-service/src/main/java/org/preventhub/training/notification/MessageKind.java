package org.preventhub.training.notification;

import org.preventhub.platform.calendar.ICalendar;

/**
 * What a message says, and so its template ({@code templates/notification/<KIND>.txt}), its subject, whether it
 * carries the calendar invite, and whether a person may decline it (only reminders: the rest are needed to take part).
 */
public enum MessageKind {

    BOOKING_CONFIRMED("Booking confirmed: %s", ICalendar.Method.REQUEST, true),
    PROMOTED("A place is yours: %s (from the waiting list)", ICalendar.Method.REQUEST, true),
    SESSION_RESCHEDULED("New time: %s", ICalendar.Method.REQUEST, true),
    SESSION_CANCELLED("Cancelled: %s", ICalendar.Method.CANCEL, true),
    BOOKING_CANCELLED("Your booking is cancelled: %s", ICalendar.Method.CANCEL, true),
    REMINDER("Tomorrow: %s", null, false),
    EVALUATION("How was it? Evaluate %s", null, true),
    /** Asked for by the person (POST /bookings/{reference}/certificate); carries the PDF. */
    CERTIFICATE("Certificate of attendance: %s", null, true);

    private final String subject;
    /** The invite's method when the person holds an invite (a confirmed seat); null for none. */
    final ICalendar.Method method;
    final boolean essential;

    MessageKind(String subject, ICalendar.Method method, boolean essential) {
        this.subject = subject;
        this.method = method;
        this.essential = essential;
    }

    String subject(String courseTitle) {
        return String.format(subject, courseTitle);
    }
}
