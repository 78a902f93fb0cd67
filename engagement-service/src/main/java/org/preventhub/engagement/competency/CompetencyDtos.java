package org.preventhub.engagement.competency;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class CompetencyDtos {

    private CompetencyDtos() {
    }

    /** Where a member stands on one required training. */
    public enum Status {
        /** Completed and valid beyond the refresher window. */
        CURRENT,
        /** Completed, but it runs out soon: a refresher is due. */
        DUE,
        /** Completed once, but no longer valid. */
        OVERDUE,
        /** Never completed (or the member has no user id to link completions by). */
        MISSING
    }

    @Schema(description = "Training a governance role requires, as the deployment configures it.")
    public record RequirementView(
            @Schema(maxLength = 100, example = "prevent-awareness") String name,
            @Schema(maxItems = 100, description = "Body kinds whose seats need it; empty for every kind.",
                    example = "[\"CHANNEL_PANEL\"]") List<@Size(max = 40) String> bodyKinds,
            @Schema(maxItems = 100, description = "Member roles that need it; empty for every role.",
                    example = "[\"CHAIR\", \"MEMBER\"]") List<@Size(max = 40) String> roles,
            @Schema(maxItems = 100, description = "Course codes, any one of which meets it.", example = "[\"WRAP\", \"PREVENT-UPDATE\"]")
            List<@Size(max = 40) String> courses,
            @Schema(minimum = "1", maximum = "600", description = "Months a completion counts before a refresher is needed.")
            int validForMonths) {
    }

    @Schema(description = "The training each governance role requires and how soon before it runs out a refresher is due.")
    public record Requirements(
            @Schema(maxItems = 100) List<RequirementView> requirements,
            @Schema(minimum = "0", maximum = "3650", description = "A refresher is due this many days before the training runs out.")
            int dueWithinDays) {
    }

    @Schema(description = "One member's standing on one required training on a day.")
    public record MemberCompetency(
            UUID memberId,
            UUID bodyId,
            @Schema(maxLength = 200) String bodyName,
            @Schema(maxLength = 40) String bodyKind,
            UUID organisationId,
            @Schema(maxLength = 200) String organisationName,
            @Schema(maxLength = 40) String role,
            @Schema(maxLength = 200, description = "The member's user id, by which training completions are linked; "
                    + "null when none is recorded (then the training shows as missing).") String userId,
            @Schema(maxLength = 100) String requirement,
            Status status,
            @Schema(maxLength = 40, description = "The course of the latest completion that counts.") String completedCourse,
            LocalDate completedOn,
            @Schema(description = "The last day the completion counts: the refresher is due by then.") LocalDate validUntil) {
    }
}
