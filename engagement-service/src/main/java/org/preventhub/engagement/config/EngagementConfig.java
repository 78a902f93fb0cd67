package org.preventhub.engagement.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "hub.engagement")
public interface EngagementConfig {

    /** Types of partner organisation; a deployment may add its own. */
    List<String> organisationTypes();

    /** Types of community event; a deployment may add its own. */
    List<String> eventTypes();
}
