package org.preventhub.platform.idempotency;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; a retry after that is treated as a new request. */
    @WithDefault("P1D")
    Duration retention();

    /**
     * A server-side secret mixed into the keys that seal stored answers. Without it, an answer can be opened by
     * whoever knows the caller's {@code Idempotency-Key}, which only the caller holds; with it, reading the table is
     * useless even for a guessable key. Set it in production (e.g. {@code HUB_IDEMPOTENCY_SECRET}); changing it only
     * makes the service forget the keys it remembers.
     */
    Optional<String> secret();
}
