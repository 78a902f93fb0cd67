package org.preventhub.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.training")
public interface TrainingConfig {

    /**
     * The local target: at least this share of evaluated attendees understand how to share a concern about
     * someone who may be vulnerable to radicalisation.
     */
    @WithDefault("95")
    double evaluationTargetPercent();
}
