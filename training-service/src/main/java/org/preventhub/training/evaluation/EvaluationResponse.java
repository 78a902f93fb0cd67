package org.preventhub.training.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

public record EvaluationResponse(UUID id, UUID attendanceId, UUID sessionId, boolean understandsHowToShareConcern,
        int confidenceBefore, int confidenceAfter, int usefulness, @Schema(maxLength = 2000) String comments,
        @Schema(maxLength = 20) String submittedVia,
        Instant submittedAt) {

    /** @param comments decrypted (null once erased) */
    public static EvaluationResponse of(Evaluation e, String comments) {
        return new EvaluationResponse(e.id, e.attendance.id, e.sessionId, e.understandsConcern, e.confidenceBefore,
                e.confidenceAfter, e.usefulness, comments, e.submittedVia, e.submittedAt);
    }
}
