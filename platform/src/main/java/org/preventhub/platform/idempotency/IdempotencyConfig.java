package org.preventhub.platform.idempotency;

import java.time.Duration;
import java.util.Optional;

import org.preventhub.platform.config.DeploymentSecret;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; a retry after that is treated as a new request. */
    @WithDefault("P1D")
    Duration retention();

    /**
     * A server-side secret mixed into the keys that seal stored answers, so that reading the table is useless even
     * for a guessable {@code Idempotency-Key}. Required outside the tests ({@code HUB_IDEMPOTENCY_SECRET}); changing
     * it only makes the service forget the keys it remembers.
     */
    @DeploymentSecret(env = "HUB_IDEMPOTENCY_SECRET")
    Optional<String> secret();
}
