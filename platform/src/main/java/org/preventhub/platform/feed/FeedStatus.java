package org.preventhub.platform.feed;

/** Where an uploaded file is in its life. */
public enum FeedStatus {
    /** Stored, waiting its turn. */
    RECEIVED,
    /**
     * Lines being checked; in a real run, those that passed are meanwhile written in the import's transaction, which
     * nobody sees until it commits.
     */
    VALIDATING,
    /** Every line passed; the last of the file being written and committed. */
    APPLYING,
    /** Applied, whole. */
    APPLIED,
    /** A dry run in which every line passed; nothing was stored. */
    VALIDATED,
    /** At least one line was rejected, so nothing was applied. */
    REJECTED,
    /** The same file or batch id was applied (or is being applied) already: nothing done. */
    DUPLICATE,
    /** Could not be processed (server error or restart); nothing was applied. */
    FAILED;

    public boolean finished() {
        return this != RECEIVED && this != VALIDATING && this != APPLYING;
    }
}
