package org.preventhub.referral.config;

import java.time.Period;
import java.util.List;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "hub.referral")
public interface ReferralConfig {

    /** Types of concern a referral may name: the Home Office's, plus any a deployment adds. */
    List<String> concernTypes();

    Retention retention();

    /** How long personal data is kept, from closure (or exit, for Channel cases). */
    interface Retention {
        /** No further action or signposted at screening. */
        Period screenedOut();

        Period notAdopted();

        Period consentRefused();

        /** Adopted cases, from exit. */
        Period channelCase();
    }
}
