package org.preventhub.training.course;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

@Schema(description = "A course of the training catalogue.")
public record CourseResponse(
        @Schema(example = "0b8f3f5e-5d0c-4c43-9a8a-1b1f2f3e4d5c") UUID id,
        @Schema(maxLength = 40, example = "WRAP") String code,
        @Schema(maxLength = 200, example = "Workshop to Raise Awareness of Prevent") String title,
        @Schema(maxLength = 4000) String description,
        @Schema(example = "AWARENESS_LEARNING") Priority priority,
        @Schema(maxLength = 200, example = "Frontline staff of all sectors") String audience,
        @Schema(minimum = "15", maximum = "2880", example = "90") int durationMinutes,
        @Schema(maxItems = 3) List<DeliveryMode> modes,
        boolean active,
        @Schema(description = "Changes on every update; send it back in If-Match to update safely.") long version) {

    static CourseResponse of(Course course) {
        return new CourseResponse(course.id, course.code, course.title, course.description, course.priority,
                course.audience, course.durationMinutes, course.modes.stream().sorted().toList(), course.active,
                course.version);
    }
}
