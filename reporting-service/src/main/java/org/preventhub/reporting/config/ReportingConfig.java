package org.preventhub.reporting.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.preventhub.contracts.Topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.reporting")
public interface ReportingConfig {

    /** The topics projected into the fact tables: by default the three the contracts name. */
    @WithDefault(Topics.TRAINING + "," + Topics.REFERRAL + "," + Topics.ENGAGEMENT)
    List<String> topics();

    /** Where events that cannot be projected go, with the reason in headers; consumption goes on. */
    @WithDefault("reporting.dead-letter")
    String deadLetterTopic();

    @WithDefault("reporting-service")
    String consumerGroup();

    /**
     * Extra Kafka client properties for the projection's consumers and the dead-letter producer, such as a cluster's
     * login ({@code hub.reporting.kafka."security.protocol"=SASL_SSL}); what the projection's correctness rests on
     * (offsets committed by hand, read_committed, idempotent acks=all) cannot be overridden.
     */
    Map<String, String> kafka();

    /** Off only for tests that drive the projections by hand. */
    @WithDefault("true")
    boolean consumerEnabled();

    /**
     * How long a rebuild waits out an unavailable database before it gives up (the projections in use are then
     * unchanged).
     */
    @WithDefault("PT10M")
    Duration rebuildPatience();

    /** Cells of figures about people referred that count fewer than this are suppressed for all but the Prevent lead. */
    @WithDefault("5")
    int suppressBelow();
}
