package org.preventhub.training.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** E-mail to people who book: where links point, how the dispatcher paces and retries (see README, "Messages"). */
@ConfigMapping(prefix = "hub.notification")
public interface NotificationConfig {

    /** The public booking website: messages link to a booking's page there (cancel, decline, evaluate, preferences). */
    @WithDefault("http://localhost:3000")
    String bookingSiteUrl();

    /** The right-hand side of each message's Message-ID, {@code <notification-id@domain>}: stable across retries. */
    @WithDefault("prevent-hub.local")
    String messageIdDomain();

    /**
     * Where calendar programs fetch a trainer's feed: the public address of {@code GET /calendar-feeds/}, the secret
     * appended (through the gateway, {@code <GATEWAY_PUBLIC_URL>/api/training/calendar-feeds/}).
     */
    @WithDefault("http://localhost:8080/api/training/calendar-feeds/")
    String calendarFeedUrl();

    /** Named in every message and as the invites' ORGANIZER (with quarkus.mailer.from). */
    @WithDefault("Prevent training team")
    String senderName();

    Dispatch dispatch();

    Reminders reminders();

    interface Dispatch {
        /** How often due messages are looked for; {@code off} stops sending (messages keep). */
        @WithDefault("2s")
        String every();

        /** Messages claimed at once by one dispatcher. */
        @WithDefault("50")
        int batchSize();

        /** Back-off after the first failed attempt, doubled after each further one up to {@link #maxBackoff}. */
        @WithDefault("PT30S")
        Duration firstBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** Attempts before a message is given up as FAILED (with the default back-off, about a day). */
        @WithDefault("30")
        int maxAttempts();

        /**
         * A message claimed longer ago than this, its outcome never recorded (the process stopped while sending), is
         * marked UNKNOWN for a person to check, never sent again on its own: it may have arrived. Longer than the
         * SMTP timeouts.
         */
        @WithDefault("PT10M")
        Duration sendingTimeout();
    }

    interface Reminders {
        /** How often the reminder job runs; {@code off} sends none. */
        @WithDefault("15m")
        String every();

        /** A confirmed booking is reminded once this long before its session starts. */
        @WithDefault("P1D")
        Duration lead();
    }
}
