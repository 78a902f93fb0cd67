package org.preventhub.platform.feed;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.feeds")
public interface FeedConfig {

    /** Where uploads are written while they are processed; the system temp folder by default. */
    Optional<String> spoolDirectory();

    /** Largest file accepted, in bytes (the HTTP upload limit also applies). */
    @WithDefault("1073741824")
    long maxFileBytes();

    /** Rejected lines kept per file; beyond this they are counted, not listed. */
    @WithDefault("10000")
    int maxStoredRejections();

    /**
     * Records read between two progress updates of a running import (each is a small write to its job row).
     * Lower it to watch small files progress.
     */
    @WithDefault("20000")
    long progressEvery();

    /** Applying a very large file is one transaction; it may take this long. */
    @WithDefault("PT30M")
    Duration applyTimeout();

    /**
     * PostgreSQL's {@code work_mem} for the apply's transaction: its sorts of a million staged rows spill to disk
     * at the server's 4MB default, which made the apply a fifth slower. Imports run one at a time, so this much is
     * taken once.
     */
    @WithDefault("64MB")
    String applyWorkMem();

    /** The longest a client may ask to wait for the result (Prefer: wait=N) before getting 202. */
    @WithDefault("PT60S")
    Duration maxWait();

    /** A running import whose progress has not moved for this long is declared failed (its server stopped). */
    @WithDefault("PT5M")
    Duration stalledAfter();
}
