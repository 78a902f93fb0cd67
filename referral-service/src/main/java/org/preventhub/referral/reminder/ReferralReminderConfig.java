package org.preventhub.referral.reminder;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What staff are reminded of in Channel work, and how early (README, "Work reminders for staff"). */
@ConfigMapping(prefix = "hub.referral.reminders")
public interface ReferralReminderConfig {

    /** An open referral with no step for this many days is stalled at its stage: its people are reminded. */
    @WithDefault("28")
    int stalledAfterDays();

    /** A 6- or 12-month review after exit, and a support plan's review, are reminded this long before they fall due. */
    @WithDefault("P14D")
    Period lead();

    /** A case in support has its support plan reviewed this long after it was last agreed or revised. */
    @WithDefault("P3M")
    Period supportPlanReviewEvery();
}
