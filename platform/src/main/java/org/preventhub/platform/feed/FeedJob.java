package org.preventhub.platform.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An uploaded file and what became of it: the import summary. */
@Schema(description = "An uploaded feed file and what became of it.")
public record FeedJob(
        UUID id,
        @Schema(maxLength = 60, example = "attendance") String feed,
        @Schema(maxLength = 100, description = "The sending system (the feed client's agency).", example = "warwick-district-council") String source,
        @Schema(maxLength = 200, example = "2020-07-weekly-3") String batchId,
        @Schema(maxLength = 64) String fileSha256,
        long bytes,
        boolean dryRun,
        FeedStatus status,
        @Schema(minimum = "0", maximum = "100", description = "Share of the file processed so far, 0 to 100.") int progressPercent,
        @Schema(description = "Records read so far.") long records,
        long created,
        long updated,
        @Schema(description = "Records identical to what is already stored.") long ignored,
        long rejected,
        @Schema(maxLength = 500) String error,
        @Schema(description = "For a DUPLICATE, the import that already took this file or batch.") UUID duplicateOf,
        @Schema(maxLength = 200) String submittedBy,
        Instant submittedAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(maxItems = FeedJob.REJECTIONS_SHOWN, description = "The first rejected lines; all of them at .../rejections.") List<RejectedLine> rejections) {

    /** Rejected lines shown with an import; the rest are paged at .../rejections. */
    public static final int REJECTIONS_SHOWN = 100;

}
