package org.preventhub.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.security.verified-tokens")
public interface VerifiedTokensConfig {

    /** How long a verified token is trusted without verifying it again (never past its expiry); 0 turns it off. */
    @WithDefault("PT60S")
    Duration trustFor();

    /** Tokens remembered; more distinct live tokens than this and the cache starts again. */
    @WithDefault("5000")
    int maxEntries();
}
