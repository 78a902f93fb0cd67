package org.preventhub.contracts.training;

import java.time.LocalDate;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;

/**
 * Payload of {@code training.completion.recorded.v1}: a council's learning system reported that someone attended
 * or completed a course (in person, online or e-learning). Sent again, with the same {@code recordId}, when the
 * council corrects the record. No name, no email. Superseded by {@link CompletionsRecorded}, many records per event;
 * kept so that a rebuild can still read the events already in the log.
 *
 * @param recordId the training service's id for the council's record (the aggregate id)
 * @param source the council system that sent it
 * @param area the deployment's area code, or null when the council did not say
 */
public record CompletionRecorded(
        UUID recordId,
        String source,
        UUID courseId,
        String courseCode,
        LocalDate completedOn,
        DeliveryMode mode,
        boolean elearning,
        String area,
        String sector,
        boolean completed,
        UUID importId) {
}
