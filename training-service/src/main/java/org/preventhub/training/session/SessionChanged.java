package org.preventhub.training.session;

/**
 * Fired synchronously, inside the transaction that changes a locked session, to the features that hang off
 * sessions (bookings): the session does not know them, so they can depend on it without a loop.
 */
public sealed interface SessionChanged {

    TrainingSession session();

    /** More seats than before: the waiting list may move up. */
    record CapacityRaised(TrainingSession session) implements SessionChanged {
    }

    /** New times (after the change is applied): attendees get an updated invite. */
    record Rescheduled(TrainingSession session) implements SessionChanged {
    }

    /** Delivered (the register frozen): attendees are asked to evaluate it. */
    record Delivered(TrainingSession session) implements SessionChanged {
    }

    /** About to be cancelled: every booking and place on its waiting list goes first. */
    record Cancelling(TrainingSession session) implements SessionChanged {
    }
}
