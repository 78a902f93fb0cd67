package org.preventhub.contracts.training;

/** Payload of {@code training.booking.confirmed.v1}: a seat was booked. */
public record BookingConfirmed(BookingSnapshot booking) {
}
