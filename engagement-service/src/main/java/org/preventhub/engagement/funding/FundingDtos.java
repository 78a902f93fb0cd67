package org.preventhub.engagement.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public final class FundingDtos {

    /** What a project can be: running, paused (as Safe and Secure was for lockdown), to be re-established, completed. */
    public static final String STATUS = "RUNNING|PAUSED|TO_BE_RE_ESTABLISHED|COMPLETED";

    private FundingDtos() {
    }

    @Schema(description = "A project or programme, the community events it ran and the training courses it used.")
    public record ProjectRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Safe and Secure") String name,
            @NotBlank @Size(max = 20) @Pattern(regexp = "PROJECT|PROGRAMME") @Schema(example = "PROJECT") String kind,
            @NotNull @Schema(example = "COMMUNITY_ENGAGEMENT") Priority priority,
            @Size(max = 2000) @Schema(example = "Inter-faith workshops on safer places of worship") String description,
            @NotBlank @Size(max = 30) @Pattern(regexp = STATUS) @Schema(example = "RUNNING") String status,
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(description = "Since when it has had this status.", example = "2019-11-14") LocalDate statusSince,
            @Size(max = 500) @Schema(description = "Community events it ran (their ids).") List<@NotNull UUID> events,
            @Size(max = 100) @Schema(description = "Training courses it used (training's course codes).", example = "[\"WRAP\"]")
            List<@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String> courses) {
    }

    @Schema(description = "A change of a project's status, with the day it took effect and why.")
    public record StatusRequest(
            @NotBlank @Size(max = 30) @Pattern(regexp = STATUS) @Schema(example = "PAUSED") String status,
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2020-03-23") LocalDate since,
            @Size(max = 1000) @Schema(example = "COVID-19: groups cannot meet at places of worship") String reason) {
    }

    public record StatusView(@Schema(maxLength = 30) String status, LocalDate since, @Schema(maxLength = 1000) String reason) {
    }

    public record AwardSummary(UUID id, UUID funderId, @Schema(maxLength = 300) String funderName, BigDecimal amount,
            LocalDate startsOn, LocalDate endsOn, @Schema(maxLength = 1000) String purpose) {
    }

    @Schema(description = "A project with its status history and the awards that fund it.")
    public record ProjectView(UUID id, @Schema(maxLength = 200) String name, @Schema(maxLength = 20) String kind,
            Priority priority, @Schema(maxLength = 2000) String description, @Schema(maxLength = 30) String status,
            LocalDate statusSince, @Schema(maxItems = 500) List<UUID> events, @Schema(maxItems = 100) List<@Size(max = 40) String> courses,
            @Schema(maxItems = 500) List<StatusView> history, @Schema(maxItems = 500) List<AwardSummary> awards, long version) {
    }

    @Schema(description = "An award from a funder, which must be a registered partner organisation.")
    public record AwardRequest(
            @NotNull @Schema(description = "The funder: a partner organisation.") UUID funderId,
            @NotNull @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2)
            @Schema(description = "In pounds sterling.", example = "7500.00") BigDecimal amount,
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2019-10-01") LocalDate startsOn,
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2020-09-30") LocalDate endsOn,
            @NotBlank @Size(max = 1000) @Schema(example = "Inter-faith Safe and Secure workshops") String purpose,
            @NotNull @Schema(example = "COMMUNITY_ENGAGEMENT") Priority priority,
            @Size(max = 100) @Schema(example = "CTU-2019-07") String reference,
            @Size(max = 50) @Schema(description = "The projects it funds.") List<@NotNull UUID> projects) {
    }

    public record ProjectSummary(UUID id, @Schema(maxLength = 200) String name, @Schema(maxLength = 30) String status) {
    }

    @Schema(description = "An award and what it funded.")
    public record AwardView(UUID id, UUID funderId, @Schema(maxLength = 300) String funderName, BigDecimal amount,
            LocalDate startsOn, LocalDate endsOn, @Schema(maxLength = 1000) String purpose, Priority priority,
            @Schema(maxLength = 100) String reference, @Schema(maxItems = 50) List<ProjectSummary> projects, long version) {
    }
}
