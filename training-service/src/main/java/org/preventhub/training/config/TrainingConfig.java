package org.preventhub.training.config;

import java.time.Period;

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

    Retention retention();

    interface Retention {

        /**
         * How long after their session (or the day a council's record reports) a trainee's identity is kept: then
         * their name, e-mail address, organisation, job role and comments are erased, and the counts stay.
         */
        Period identityFor();

        /** When the rule runs (cron; {@code off} in the tests, which run it when they mean to). */
        @WithDefault("0 45 2 * * ?")
        String schedule();
    }
}
