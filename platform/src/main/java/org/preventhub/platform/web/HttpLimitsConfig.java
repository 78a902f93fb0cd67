package org.preventhub.platform.web;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.http")
public interface HttpLimitsConfig {

    /** Largest request body, in bytes, for ordinary JSON operations. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * Path segments that take large uploads (council data feeds, a report's photos): a path starting with one, or
     * holding or ending in it, gets {@link #maxUploadBytes()}.
     */
    @WithDefault("/feeds")
    List<String> uploadPaths();

    @WithDefault("1073741824")
    long maxUploadBytes();
}
