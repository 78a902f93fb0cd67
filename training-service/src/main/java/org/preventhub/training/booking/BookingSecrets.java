package org.preventhub.training.booking;

import java.util.Optional;

import org.preventhub.platform.problem.ProblemException;

/** Lets other features of the service check a booking's secret. */
public final class BookingSecrets {

    private BookingSecrets() {
    }

    /**
     * The booking, when the secret is its own; otherwise nothing, as if there were no such booking. With no booking
     * the secret is still hashed (against one nobody holds), so neither the answer nor the time it takes tells a
     * guessed reference that exists from one that does not.
     */
    public static Optional<Booking> unlocked(Optional<Booking> booking, String secret) {
        boolean matches = Secrets.matches(secret, booking.map(b -> b.secretHash).orElse(Secrets.NO_BOOKING));
        return matches ? booking : Optional.empty();
    }

    /**
     * The one answer to a reference with no booking and to a secret that is not the booking's: the same document
     * for both (and the reference is not repeated back).
     */
    public static ProblemException noSuchBooking() {
        return ProblemException.notFound("Booking");
    }
}
