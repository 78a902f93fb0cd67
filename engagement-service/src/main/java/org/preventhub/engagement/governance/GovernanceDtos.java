package org.preventhub.engagement.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public final class GovernanceDtos {

    private GovernanceDtos() {
    }

    @Schema(description = "A governance body of the partnership.")
    public record GovernanceBodyRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Prevent Strategy Group") String name,
            @NotBlank @Size(max = 40) @Schema(description = "A configured body kind.", example = "STRATEGY_GROUP") String kind,
            @NotNull @Min(1) @Max(52) @Schema(description = "Planned meetings a year: 4 for quarterly.", example = "4") Integer meetingsPerYear,
            @NotNull @Min(1) @Max(200) @Schema(description = "Members present for a meeting to be quorate.", example = "5") Integer quorum) {
    }

    @Schema(description = "A seat on a governance body.")
    public record GovernanceMemberRequest(
            @NotNull @Schema(description = "The partner organisation represented.") UUID organisationId,
            @NotBlank @Size(max = 40) @Schema(description = "A configured member role.", example = "CHAIR") String role,
            @Size(max = 200) @Schema(description = "The person, as a user id of the identity provider.", example = "f2b1c0de-0000-4000-8000-000000000001") String userId) {
    }

    public record GovernanceMemberView(UUID id, UUID organisationId, @Schema(maxLength = 200) String organisationName,
            @Schema(maxLength = 40) String role, @Schema(maxLength = 200) String userId) {
    }

    @Schema(description = "A governance body with its members.")
    public record GovernanceBodyView(UUID id, @Schema(maxLength = 200) String name, @Schema(maxLength = 40) String kind,
            int meetingsPerYear, int quorum, @Schema(maxItems = 500) List<GovernanceMemberView> members, long version) {
    }

    @Schema(description = "A planned meeting and its agenda.")
    public record GovernanceMeetingRequest(
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2019-12-10") LocalDate meetsOn,
            @Size(max = 50) @Schema(example = "[\"CTLP update\", \"Terms of Reference\"]") List<@NotBlank @Size(max = 300) String> agenda) {
    }

    @Schema(description = "An action arising: it becomes a recommended action of the action plan.")
    public record GovernanceActionRequest(
            @NotBlank @Size(max = 300) @Schema(example = "Draft Local Area Prevent Assessments into 2021") String title,
            @NotNull @Schema(example = "LEADERSHIP_GOVERNANCE") Priority priority,
            @Schema(description = "The partner organisation that owns it.") UUID ownerOrganisationId,
            @PlausibleDate(Kind.RECORD) @Schema(example = "2021-03-31") LocalDate dueOn) {
    }

    @Schema(description = "The minutes of a meeting held: attendance and apologies by member id, decisions, actions "
            + "arising. An inquorate meeting is minuted but takes no decisions and raises no actions.")
    public record GovernanceMinutesRequest(
            @NotNull @Size(max = 200) List<@NotNull UUID> attended,
            @Size(max = 200) List<@NotNull UUID> apologies,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> decisions,
            @Size(max = 50) List<@Valid @NotNull GovernanceActionRequest> actions) {
    }

    public record GovernanceActionView(UUID id, @Schema(maxLength = 300) String title, Priority priority, UUID ownerOrganisationId,
            LocalDate dueOn) {
    }

    @Schema(description = "A meeting of a governance body.")
    public record GovernanceMeetingView(UUID id, UUID bodyId, LocalDate meetsOn,
            @Schema(maxLength = 20, example = "HELD") String status,
            @Schema(maxItems = 50) List<@Size(max = 300) String> agenda,
            @Schema(maxItems = 200) List<UUID> attended, @Schema(maxItems = 200) List<UUID> apologies,
            @Schema(maxItems = 50) List<@Size(max = 1000) String> decisions,
            @Schema(maxItems = 50) List<GovernanceActionView> actions, Boolean quorate, long version) {
    }

    @Schema(description = "A body's record for a period: meetings planned by its cadence against meetings held "
            + "quorate, e.g. 3 of 4 for a quarterly body that missed one.")
    public record GovernanceBodyRecord(UUID bodyId, @Schema(maxLength = 200) String name, LocalDate from, LocalDate to,
            @Schema(description = "Meetings its cadence plans in the period.") int planned,
            @Schema(description = "Meetings minuted as quorate.") int held,
            @Schema(description = "Meetings minuted without a quorum.") int inquorate,
            @Schema(maxItems = 1000) List<GovernanceMeetingView> meetings) {
    }
}
