package org.preventhub.contracts.training;

/**
 * Payload of {@code training.booking.cancelled.v1}.
 *
 * @param reason {@code ATTENDEE}, {@code STAFF}, {@code PROMOTION_DECLINED} or {@code SESSION_CANCELLED}
 */
public record BookingCancelled(BookingSnapshot booking, String reason) {
}
