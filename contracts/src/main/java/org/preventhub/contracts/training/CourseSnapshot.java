package org.preventhub.contracts.training;

import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

/**
 * A course as reporting needs it. Payload of {@code training.course.registered.v1} and
 * {@code training.course.updated.v1}.
 */
public record CourseSnapshot(
        UUID courseId,
        String code,
        String title,
        Priority priority,
        String audience,
        int durationMinutes,
        List<DeliveryMode> modes,
        boolean active) {
}
