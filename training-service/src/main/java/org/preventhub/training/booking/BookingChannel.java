package org.preventhub.training.booking;

/** Who made the booking: staff on someone's behalf, or the attendee through the public booking website. */
public enum BookingChannel {
    STAFF,
    WEB
}
