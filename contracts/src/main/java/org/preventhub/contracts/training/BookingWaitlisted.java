package org.preventhub.contracts.training;

/** Payload of {@code training.booking.waitlisted.v1}: the session was full; the booking joined its waiting list. */
public record BookingWaitlisted(BookingSnapshot booking) {
}
