package org.preventhub.reporting.edition;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a report edition's photos may be. */
@ConfigMapping(prefix = "hub.report-images")
public interface ImageLimits {

    /** The largest file accepted, in bytes. */
    @WithDefault("5242880")
    int maxBytes();

    /** The most pixels an image may declare (a small compressed file can unpack to gigabytes). */
    @WithDefault("40000000")
    long maxPixels();

    /** The longest side, in pixels. */
    @WithDefault("12000")
    int maxSide();

    /** Images per edition. */
    @WithDefault("60")
    int perEdition();
}
