package org.preventhub.contracts.training;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;

/**
 * Payload of {@code training.completions.recorded.v1}: part of a council feed import, the records it created or
 * changed, up to {@link #MAX_PER_EVENT} per event, so a million-line file is 2,000 events, not a million. Keyed by
 * the import; its {@code training.feed.batch-applied.v1} comes after the last part. A record sent again in a later
 * import arrives in that import's events: keep the latest by the event's time. No name, no email.
 *
 * <p>The records are column-wise: the i-th record is the i-th entry of every list in {@link Records}. That keeps
 * the event small (no field name repeated 500 times) and cheap to build in the database.
 *
 * @param part 1, 2, ... within the import
 */
public record CompletionsRecorded(UUID importId, String source, int part, Records records) {

    public static final int MAX_PER_EVENT = 500;

    /**
     * @param recordId the training service's ids for the council's records
     * @param area the deployment's area codes, null where the council did not say
     */
    public record Records(
            List<UUID> recordId,
            List<UUID> courseId,
            List<String> courseCode,
            List<LocalDate> completedOn,
            List<DeliveryMode> mode,
            List<Boolean> elearning,
            List<String> area,
            List<String> sector,
            List<Boolean> completed) {

        public int size() {
            return recordId.size();
        }
    }
}
