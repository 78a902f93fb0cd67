package org.preventhub.training.notification;

/**
 * What a message says, and so its template ({@code templates/notification/<KIND>.txt}), its subject, whether it
 * carries the calendar invite, and whether a person may decline it (only reminders: the rest are needed to take part).
 */
public enum MessageKind {

    BOOKING_CONFIRMED("Booking confirmed: %s", Invite.Method.REQUEST, true),
    PROMOTED("A place is yours: %s (from the waiting list)", Invite.Method.REQUEST, true),
    SESSION_RESCHEDULED("New time: %s", Invite.Method.REQUEST, true),
    SESSION_CANCELLED("Cancelled: %s", Invite.Method.CANCEL, true),
    BOOKING_CANCELLED("Your booking is cancelled: %s", Invite.Method.CANCEL, true),
    REMINDER("Tomorrow: %s", null, false),
    EVALUATION("How was it? Evaluate %s", null, true);

    private final String subject;
    /** The invite's method when the person holds an invite (a confirmed seat); null for none. */
    final Invite.Method method;
    final boolean essential;

    MessageKind(String subject, Invite.Method method, boolean essential) {
        this.subject = subject;
        this.method = method;
        this.essential = essential;
    }

    String subject(String courseTitle) {
        return String.format(subject, courseTitle);
    }
}
