package org.preventhub.training.booking;

public enum CancellationReason {
    ATTENDEE,
    STAFF,
    PROMOTION_DECLINED,
    SESSION_CANCELLED
}
