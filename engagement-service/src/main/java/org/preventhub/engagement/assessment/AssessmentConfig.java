package org.preventhub.engagement.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether the Home Office toolkit's criteria shipped with the service are loaded into an empty framework at start. */
@ConfigMapping(prefix = "hub.engagement.assessment")
public interface AssessmentConfig {

    /** The framework the bundled criteria ({@code assessment/home-office-prevent-toolkit.json}) belong to. */
    String BUNDLED_FRAMEWORK = "HOME_OFFICE_PREVENT_TOOLKIT";

    @WithDefault("true")
    boolean loadBundledCriteria();
}
