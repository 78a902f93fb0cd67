package org.preventhub.reporting.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/** Requests and answers of the action plan. */
public final class ActionDtos {

    private ActionDtos() {
    }

    @Schema(description = "A recommended action of the Prevent action plan.")
    public record ActionRequest(
            @Size(max = 40) @NotBlank @Schema(example = "AWARENESS_LEARNING") String priority,
            @NotBlank @Size(max = 300) @Schema(example = "Promote the online Prevent Update course") String title,
            @Size(max = 4000) String description,
            @NotBlank @Size(max = 200) @Schema(example = "Warwickshire County Council Prevent team") String ownerOrganisation,
            @PlausibleDate(Kind.RECORD) @Schema(example = "2021-03-31") LocalDate dueOn,
            @Size(max = 20) @NotNull @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|DEFERRED") @Schema(example = "IN_PROGRESS") String status,
            @Size(max = 10) @NotNull @Pattern(regexp = "RED|AMBER|GREEN") @Schema(description = "Red, amber or green: how it is going.",
                    example = "GREEN") String rag,
            @Size(max = 20) List<@Pattern(regexp = "[a-z0-9.-]+") @Size(max = 80) String> linkedIndicators) {
    }

    @Schema(description = "A progress update.")
    public record ProgressRequest(
            @NotNull @PlausibleDate(Kind.PAST) @Schema(example = "2020-07-15") LocalDate on,
            @NotBlank @Size(max = 4000) @Schema(example = "Course promoted through the July newsletter.") String note,
            @Size(max = 20) @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|DEFERRED") String status,
            @Size(max = 10) @Pattern(regexp = "RED|AMBER|GREEN") String rag) {
    }

    public record Progress(LocalDate on, @Schema(maxLength = 4000) String note, @Schema(maxLength = 200) String by) {
    }

    public record Change(Instant at, @Schema(maxLength = 200) String by, @Schema(maxLength = 40) String change,
            Object before, Object after) {
    }

    @Schema(description = "A recommended action, its progress and its history.")
    public record ActionView(UUID id, @Schema(maxLength = 40) String priority, @Schema(maxLength = 300) String title,
            @Schema(maxLength = 4000) String description, @Schema(maxLength = 200) String ownerOrganisation,
            LocalDate dueOn, @Schema(maxLength = 20) String status, @Schema(maxLength = 10) String rag,
            @Schema(maxItems = 20) List<@Size(max = 80) String> linkedIndicators, List<Progress> progress,
            List<Change> history, long version) {
    }
}
