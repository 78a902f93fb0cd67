package org.preventhub.contracts.training;

import java.time.Instant;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;

/**
 * Payload of {@code training.evaluation.submitted.v1}: the answers of a post-course evaluation, without the free
 * comments.
 *
 * @param understandsHowToShareConcern "I understand how to share a concern about someone who may be vulnerable
 *            to radicalisation"
 * @param submittedVia {@code ATTENDEE} (online form) or {@code STAFF} (from a paper form)
 */
public record EvaluationSubmitted(UUID evaluationId, UUID attendanceId, UUID sessionId, UUID courseId,
        String courseCode, Instant sessionStartsAt, DeliveryMode mode, String area, String sector,
        boolean understandsHowToShareConcern, int confidenceBefore, int confidenceAfter, int usefulness,
        String submittedVia) {
}
