package org.preventhub.training.booking;

public enum CancellationReason {
    ATTENDEE,
    STAFF,
    PROMOTION_DECLINED,
    SESSION_CANCELLED,
    /** The session was delivered while the booking was still on its waiting list. */
    WAITING_LIST_CLOSED,
    /** The attendee asked for their data to be erased before the session took place: the seat goes to the next. */
    ERASURE_REQUESTED
}
