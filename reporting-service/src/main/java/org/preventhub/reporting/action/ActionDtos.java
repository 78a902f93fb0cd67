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

/** Requests and answers of the action plan. */
public final class ActionDtos {

    private ActionDtos() {
    }

    @Schema(description = "A recommended action of the Prevent action plan.")
    public record ActionRequest(
            @NotBlank @Schema(example = "AWARENESS_LEARNING") String priority,
            @NotBlank @Size(max = 300) @Schema(example = "Promote the online Prevent Update course") String title,
            @Size(max = 4000) String description,
            @NotBlank @Size(max = 200) @Schema(example = "Warwickshire County Council Prevent team") String ownerOrganisation,
            @Schema(example = "2021-03-31") LocalDate dueOn,
            @NotNull @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|DEFERRED") @Schema(example = "IN_PROGRESS") String status,
            @NotNull @Pattern(regexp = "RED|AMBER|GREEN") @Schema(description = "Red, amber or green: how it is going.",
                    example = "GREEN") String rag,
            @Size(max = 20) List<@Pattern(regexp = "[a-z0-9.-]+") String> linkedIndicators) {
    }

    @Schema(description = "A progress update.")
    public record ProgressRequest(
            @NotNull @Schema(example = "2020-07-15") LocalDate on,
            @NotBlank @Size(max = 4000) @Schema(example = "Course promoted through the July newsletter.") String note,
            @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|DEFERRED") String status,
            @Pattern(regexp = "RED|AMBER|GREEN") String rag) {
    }

    public record Progress(LocalDate on, String note, String by) {
    }

    public record Change(Instant at, String by, String change, Object before, Object after) {
    }

    @Schema(description = "A recommended action, its progress and its history.")
    public record ActionView(UUID id, String priority, String title, String description, String ownerOrganisation,
            LocalDate dueOn, String status, String rag, List<String> linkedIndicators, List<Progress> progress,
            List<Change> history, long version) {
    }
}
