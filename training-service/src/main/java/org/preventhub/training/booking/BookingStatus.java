package org.preventhub.training.booking;

public enum BookingStatus {
    CONFIRMED,
    WAITLISTED,
    CANCELLED;

    public boolean live() {
        return this != CANCELLED;
    }
}
