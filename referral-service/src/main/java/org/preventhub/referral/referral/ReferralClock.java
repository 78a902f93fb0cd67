package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.reference.ReferenceDataConfig;

/** "Today" in the deployment's time zone: the day a step is dated when the caller gives none. */
@ApplicationScoped
public class ReferralClock {

    private final ZoneId zone;

    public ReferralClock(ReferenceDataConfig reference) {
        this.zone = reference.timezone();
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
