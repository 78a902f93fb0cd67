package org.preventhub.platform.feed;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.feeds")
public interface FeedConfig {

    /** The default {@link #maxFileBytes()}, as the OpenAPI document states it for a CSV upload's length. */
    int MAX_UPLOAD_DOCUMENTED = 1_073_741_824;

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

    /**
     * Checked records handed to the writer at a time. The writer's per-chunk work (a lookup of the records already
     * held, a COPY) is paid once per chunk, and at most four chunks wait in memory.
     */
    @WithDefault("5000")
    int chunkSize();

    /** A file is checked and written in one transaction; for a very large file it may take this long. */
    @WithDefault("PT30M")
    Duration applyTimeout();

    /**
     * PostgreSQL's {@code work_mem} for an import's transactions (the write, and the search for repeated record ids):
     * their sorts of a million rows spill to disk at the server's 4MB default. Imports run one at a time, so this
     * much is taken twice at most.
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
