package org.preventhub.platform.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhooks of a service that declares {@link WebhookEvents}; defaults in platform's microprofile-config. */
@ConfigMapping(prefix = "hub.webhooks")
public interface WebhookConfig {

    /** Roles that may manage subscriptions of this service (also read by {@code @RolesAllowed}). */
    Optional<Set<String>> roles();

    /** Of those, the roles whose subscriptions receive every agency's events (e.g. the Prevent lead's). */
    Optional<Set<String>> allAgenciesRoles();

    /** Plain {@code http://} targets: the tests' and the local stack's receivers only; production needs https. */
    @WithDefault("false")
    boolean allowHttp();

    /** Targets on loopback, link-local and private addresses (the tests' receivers); refused in production. */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Subscriptions one client of one agency may hold. */
    @WithDefault("20")
    int maxSubscriptions();

    /** Finished deliveries (and their attempts) are kept this long for the delivery log, then deleted. */
    @WithDefault("P30D")
    Duration keepDeliveries();

    Dispatch dispatch();

    Retry retry();

    Disable disable();

    interface Dispatch {
        @WithDefault("true")
        boolean enabled();

        /** How often due deliveries are looked for. */
        @WithDefault("1s")
        Duration every();

        @WithDefault("50")
        int batchSize();

        /** Connect and answer timeout of one attempt. */
        @WithDefault("10s")
        Duration timeout();

        /** A claimed delivery is not claimed again (by this or another instance) for this long. */
        @WithDefault("60s")
        Duration lease();
    }

    interface Retry {
        /** Delay before the second attempt; each next one doubles, with jitter (half to all of it). */
        @WithDefault("5s")
        Duration baseDelay();

        @WithDefault("6h")
        Duration maxDelay();

        /** A delivery still failing this long after its event has failed for good. */
        @WithDefault("P3D")
        Duration giveUpAfter();

        /** Or after this many attempts, whichever comes first (about 24 fit in three days with the defaults). */
        @WithDefault("100")
        int maxAttempts();
    }

    interface Disable {
        /** A subscription is disabled when this many deliveries in a row failed for good... */
        @WithDefault("3")
        int afterFailedDeliveries();

        /** ...or when every attempt has failed for this long. */
        @WithDefault("P3D")
        Duration afterFailingFor();
    }
}
