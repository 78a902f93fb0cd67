package org.preventhub.engagement.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "hub.engagement")
public interface EngagementConfig {

    /** Types of partner organisation every deployment has. */
    List<String> organisationTypes();

    /** A deployment's own organisation types, added to the standard ones (HUB_ENGAGEMENT_EXTRA_ORGANISATION_TYPES). */
    Optional<List<String>> extraOrganisationTypes();

    /** Types of community event every deployment has. */
    List<String> eventTypes();

    /** A deployment's own event types, added to the standard ones (HUB_ENGAGEMENT_EXTRA_EVENT_TYPES). */
    Optional<List<String>> extraEventTypes();
}
