package org.preventhub.platform.reference;

import java.time.ZoneId;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Reference data that differs between deployments: another county has other districts.
 * {@code hub.reference.areas.<code>=<name>}.
 */
@ConfigMapping(prefix = "hub.reference")
public interface ReferenceDataConfig {

    Map<String, String> areas();

    /** Where the partnership is: dates in filters and reporting periods are days in this zone. */
    @WithDefault("Europe/London")
    ZoneId timezone();
}
