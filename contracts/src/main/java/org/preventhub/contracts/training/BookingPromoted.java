package org.preventhub.contracts.training;

/** Payload of {@code training.booking.promoted.v1}: a seat freed and the first in line got it. */
public record BookingPromoted(BookingSnapshot booking) {
}
