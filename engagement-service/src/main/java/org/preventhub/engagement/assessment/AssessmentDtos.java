package org.preventhub.engagement.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public final class AssessmentDtos {

    /** A framework's code, as in its path: the Home Office toolkit is HOME_OFFICE_PREVENT_TOOLKIT. */
    public static final String FRAMEWORK = "[A-Z][A-Z0-9_]{1,59}";

    private AssessmentDtos() {
    }

    @Schema(description = "One criterion of a framework, as a deployment loads it.")
    public record CriterionRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") @Schema(example = "HO-2") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Leadership and partnership") String section,
            @NotBlank @Size(max = 500) @Schema(example = "A multi-agency Prevent partnership board oversees delivery") String title,
            @Size(max = 2000) String guidance,
            @NotNull @Min(1) @Max(100) @Schema(description = "The best score; scores run from 0.", example = "4") Integer maxScore,
            @NotNull @Schema(example = "LEADERSHIP_GOVERNANCE") Priority priority) {
    }

    @Schema(description = "A framework's whole set of criteria, in order. Codes not listed are retired (their past "
            + "scores stay); a code listed again is brought back.")
    public record CriteriaRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull CriterionRequest> criteria) {
    }

    public record CriteriaLoaded(@Schema(maxLength = 60) String framework, int created, int updated, int retired) {
    }

    public record CriterionView(UUID id, @Schema(maxLength = 60) String framework, @Schema(maxLength = 40) String code,
            @Schema(maxLength = 200) String section, @Schema(maxLength = 500) String title,
            @Schema(maxLength = 2000) String guidance, int maxScore, Priority priority, boolean active) {
    }

    @Schema(description = "A partner's self-assessment of one reporting year against a framework.")
    public record AssessmentRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = FRAMEWORK) @Schema(example = "HOME_OFFICE_PREVENT_TOOLKIT") String framework,
            @NotNull @Min(2000) @Max(2100) @Schema(description = "The reporting year, by the year it starts.", example = "2019") Integer year,
            @NotNull @Schema(description = "The partner organisation assessing itself.") UUID organisationId,
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2020-07-14") LocalDate assessedOn) {
    }

    public record ScoreRequest(
            @NotBlank @Size(max = 40) @Schema(example = "HO-2") String criterionCode,
            @NotNull @Min(0) @Max(100) @Schema(example = "3") Integer score,
            @Size(max = 2000) @Schema(example = "Strategy Group met quarterly; Terms of Reference reviewed September 2020") String evidence) {
    }

    @Schema(description = "Scores per criterion, with evidence; a criterion scored again takes the new score.")
    public record ScoresRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull ScoreRequest> scores) {
    }

    @Schema(description = "An improvement the assessment calls for: it becomes a recommended action of the action plan.")
    public record ImprovementRequest(
            @Size(max = 40) @Schema(description = "The criterion it improves, if one.", example = "HO-2") String criterionCode,
            @NotBlank @Size(max = 300) @Schema(example = "Respond to the new national Channel Guidance") String title,
            @NotNull @Schema(example = "LEADERSHIP_GOVERNANCE") Priority priority,
            UUID ownerOrganisationId,
            @PlausibleDate(Kind.RECORD) @Schema(example = "2021-03-31") LocalDate dueOn) {
    }

    public record ScoreView(@Schema(maxLength = 40) String criterionCode, @Schema(maxLength = 200) String section, int score,
            int maxScore, @Schema(maxLength = 2000) String evidence) {
    }

    public record ImprovementView(UUID id, @Schema(maxLength = 40) String criterionCode, @Schema(maxLength = 300) String title,
            Priority priority, UUID ownerOrganisationId, LocalDate dueOn) {
    }

    @Schema(description = "A self-assessment, its scores and improvement actions.")
    public record AssessmentView(UUID id, @Schema(maxLength = 60) String framework, int year, UUID organisationId,
            LocalDate assessedOn, int score, int maxScore, @Schema(description = "Score as a percentage of the best possible over the criteria scored.") Double percent,
            int criteriaScored, int criteriaInForce, @Schema(maxItems = 200) List<ScoreView> scores,
            @Schema(maxItems = 500) List<ImprovementView> improvements, long version) {
    }

    public record SectionScore(@Schema(maxLength = 200) String section, int score, int maxScore, Double percent) {
    }

    public record YearScore(int year, int assessments, int score, int maxScore, Double percent,
            @Schema(maxItems = 200) List<SectionScore> sections) {
    }

    @Schema(description = "A framework's scores by year: all partners' assessments, or one organisation's.")
    public record Trend(@Schema(maxLength = 60) String framework, UUID organisationId, @Schema(maxItems = 100) List<YearScore> years) {
    }
}
