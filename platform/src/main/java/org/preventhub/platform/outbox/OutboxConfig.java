package org.preventhub.platform.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.outbox")
public interface OutboxConfig {

    /** The Kafka topic this service publishes to. */
    String topic();

    /** CloudEvent {@code source} of this service's events. */
    String source();

    Relay relay();

    interface Relay {
        /** Off only for tests that drive the relay by hand. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("200")
        int batchSize();

        /**
         * How long the relay, woken by a commit, waits for more before publishing. At 200 bookings a second a batch
         * held one event, and each batch is a database transaction and a Kafka request of its own: their CPU, on
         * the same cores as the requests, made the bookings' tail. Events reach Kafka this much later.
         */
        @WithDefault("20ms")
        Duration gather();

        /** The longest the relay sleeps without a database notification; a safety net, not the normal path. */
        @WithDefault("2s")
        Duration pollInterval();

        /** Pause after Kafka or the database failed, before trying again. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Published rows are kept this long (for diagnosis), then deleted. */
        @WithDefault("P7D")
        Duration keepPublished();

        /** Extra Kafka producer properties; safety settings (idempotence, acks=all) cannot be overridden. */
        Map<String, String> producer();

        Optional<String> bootstrapServers();
    }
}
