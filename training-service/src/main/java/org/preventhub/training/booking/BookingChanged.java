package org.preventhub.training.booking;

/**
 * Fired synchronously, inside the transaction that changes a booking (its session locked), with the event it
 * records in the outbox: features that tell people what happened (notification) hang off it, in that same
 * transaction, without the booking knowing them.
 *
 * @param type the event type recorded (TrainingEventTypes)
 */
public record BookingChanged(String type, Booking booking) {
}
