package org.preventhub.training.booking;

/** Lets other features of the service check a booking's secret. */
public final class BookingSecrets {

    private BookingSecrets() {
    }

    public static boolean matches(String secret, Booking booking) {
        return Secrets.matches(secret, booking.secretHash);
    }
}
