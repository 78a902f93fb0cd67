package org.preventhub.platform.reference;

import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Reference data that differs between deployments: another county has other districts.
 */
@ConfigMapping(prefix = "hub.reference")
public interface ReferenceDataConfig {

    /**
     * The deployment's areas as {@code code=Name} entries, e.g.
     * {@code HUB_REFERENCE_AREAS="rugby=Rugby,warwick=Warwick"}; one value, so a deployment replaces the list whole.
     */
    List<String> areas();

    /**
     * The deployment's sectors as {@code CODE=Name} entries, one vocabulary for every service (audiences, attendees,
     * feeds, referrers), e.g. {@code HUB_REFERENCE_SECTORS="EDUCATION=Education,PRISONS=Prisons,..."}; one value, so a
     * deployment replaces the list whole. Codes are upper case, at most 40 characters.
     */
    List<String> sectors();

    /** Where the partnership is: dates in filters and reporting periods are days in this zone. */
    @WithDefault("Europe/London")
    ZoneId timezone();
}
