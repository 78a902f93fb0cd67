package org.preventhub.training.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** E-mail to people who book: where links point, when reminders go (see README, "Messages"). */
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

    // How the dispatcher paces and retries: hub.notification.dispatch.* (platform DispatchConfig).

    Reminders reminders();

    interface Reminders {
        /** How often the reminder job runs; {@code off} sends none. */
        @WithDefault("15m")
        String every();

        /** A confirmed booking is reminded once this long before its session starts. */
        @WithDefault("P1D")
        Duration lead();
    }
}
