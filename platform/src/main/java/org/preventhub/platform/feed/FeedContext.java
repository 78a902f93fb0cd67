package org.preventhub.platform.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a handler knows while checking records: the job, the source system, and that source's code mappings
 * (loaded once per job, so checking a record never touches the database).
 */
public final class FeedContext {

    private final UUID jobId;
    private final String source;
    private final boolean dryRun;
    private final Map<String, Map<String, String>> mappings;
    private final Map<String, Object> attributes = new HashMap<>();

    FeedContext(UUID jobId, String source, boolean dryRun, Map<String, Map<String, String>> mappings) {
        this.jobId = jobId;
        this.source = source;
        this.dryRun = dryRun;
        this.mappings = mappings;
    }

    public UUID jobId() {
        return jobId;
    }

    /** The sending system, e.g. {@code warwick-district-council}: the feed client's agency. */
    public String source() {
        return source;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The service's own code for a source system's code of the given kind ({@code area}, {@code course}...). */
    public Optional<String> mapped(String kind, String externalCode) {
        return Optional.ofNullable(mappings.getOrDefault(kind, Map.of()).get(externalCode));
    }

    /**
     * Maps a code, or rejects the record naming the field and the code: unknown codes are reported, never guessed.
     * The code is quoted (unlike other values) because the sender needs it to ask for the mapping, and a code is
     * reference data, not personal data; it is shortened and stripped of control characters all the same.
     */
    public String requireMapped(String kind, String field, String externalCode) throws FeedRejection {
        return mapped(kind, externalCode).orElseThrow(() -> new FeedRejection(
                field + " '" + quotable(externalCode) + "' has no mapping for source '" + source + "' (kind '" + kind
                        + "'); ask the Prevent team to map it"));
    }

    private static String quotable(String code) {
        String clean = code == null ? "" : code.replaceAll("[\\p{Cntrl}']", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }

    /** Per-job scratch space for a handler's lookup caches (e.g. course codes to ids). */
    @SuppressWarnings("unchecked")
    public <T> T attribute(String name, java.util.function.Supplier<T> initial) {
        return (T) attributes.computeIfAbsent(name, ignored -> initial.get());
    }
}
