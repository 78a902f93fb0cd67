package org.preventhub.platform.reminder;

import java.time.LocalTime;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Work reminders for staff (README, "Work reminders for staff"): when they are looked for and sent, and links. */
@ConfigMapping(prefix = "hub.reminders")
public interface ReminderConfig {

    /** Who may choose how they get reminders (the preference resource's roles): each service names its own. */
    List<String> roles();

    /** How often what is due is looked for (and digests made); {@code off} makes none. */
    @WithDefault("15m")
    String every();

    /** A daily digest is made at the first run after this time of day (in {@code hub.reference.timezone}). */
    @WithDefault("07:30")
    LocalTime digestAt();

    /** The web frontend: each reminder links to its record there, and every message to the preferences page. */
    @WithDefault("http://localhost:3000")
    String linkBase();

    /** Named as the sender in every message. */
    @WithDefault("Prevent Hub")
    String senderName();

    /** The right-hand side of each message's Message-ID, {@code <id@domain>}: stable across retries. */
    @WithDefault("prevent-hub.local")
    String messageIdDomain();
}
