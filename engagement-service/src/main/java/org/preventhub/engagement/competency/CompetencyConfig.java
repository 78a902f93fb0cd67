package org.preventhub.engagement.competency;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The training each governance role requires, as the deployment sets it (the Channel Panel's training audit), and the
 * consumer of training's events that learns who completed what.
 */
@ConfigMapping(prefix = "hub.engagement.competency")
public interface CompetencyConfig {

    /** By a short name of the requirement, e.g. {@code prevent-awareness}. */
    Map<String, Requirement> requirements();

    /** A refresher is due (not yet overdue) when the training runs out within this many days. */
    @WithDefault("60")
    int dueWithinDays();

    /** Off only for tests that drive completions by hand. */
    @WithDefault("true")
    boolean consumerEnabled();

    @WithDefault("engagement-service-competency")
    String consumerGroup();

    /** The cluster's login for the consumer, as the outbox relay's producer has its own (e.g. security.protocol). */
    Map<String, String> kafka();

    interface Requirement {

        /** Body kinds whose seats need it; every kind when left out. */
        Optional<List<String>> bodyKinds();

        /** Member roles that need it; every role when left out. */
        Optional<List<String>> roles();

        /** Training course codes, any one of which meets the requirement (e.g. WRAP or Prevent Update). */
        List<String> courses();

        /** How long a completion counts; then a refresher is needed. */
        @WithDefault("36")
        int validForMonths();
    }
}
