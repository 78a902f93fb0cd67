package org.preventhub.platform.feed;

import java.util.Collection;
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
     * Maps a code, or rejects the record naming the field, the source and the kind: unknown codes are reported, never
     * guessed. The code itself is not quoted (no reason repeats what the sender wrote, and a field meant for a code
     * may hold anything): the sender finds it on the rejected line.
     */
    public String requireMapped(String kind, String field, String externalCode) throws FeedRejection {
        return mapped(kind, externalCode).orElseThrow(() -> new FeedRejection(
                field + " has no mapping for source '" + source + "' (kind '" + kind
                        + "'); ask the Prevent team to map the code this line gives"));
    }

    /**
     * A code of the service's own taken as it is; otherwise the source's mapping of it, which must name one of the
     * service's codes; otherwise a rejection. One rule for every feed and every kind of code.
     *
     * @param own the service's codes of this kind
     */
    public String code(String kind, String field, String value, Collection<String> own) throws FeedRejection {
        return code(kind, field, value, value, own);
    }

    /** As above, where our code may be written differently from how the source's code is looked up ({@code ours} upper-cased, say). */
    public String code(String kind, String field, String ours, String theirs, Collection<String> own)
            throws FeedRejection {
        if (own.contains(ours)) {
            return ours;
        }
        String mapped = requireMapped(kind, field, theirs);
        if (!own.contains(mapped)) {
            throw new FeedRejection(field + " is mapped to a code this service does not know; ask the Prevent team to fix the mapping");
        }
        return mapped;
    }

    /** Per-job scratch space for a handler's lookup caches (e.g. course codes to ids). */
    @SuppressWarnings("unchecked")
    public <T> T attribute(String name, java.util.function.Supplier<T> initial) {
        return (T) attributes.computeIfAbsent(name, ignored -> initial.get());
    }
}
