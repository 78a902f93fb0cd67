package org.preventhub.platform.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's dispatchers pace and retry e-mail (README, "Messages"): one setting for all its tables. */
@ConfigMapping(prefix = "hub.notification.dispatch")
public interface DispatchConfig {

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
