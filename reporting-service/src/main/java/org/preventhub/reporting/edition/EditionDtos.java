package org.preventhub.reporting.edition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** What report editions take and give. */
public final class EditionDtos {

    private EditionDtos() {
    }

    @Schema(description = "A new edition of the partnership's report: its title and its year.")
    public record EditionRequest(@NotBlank @Size(max = 300) @Schema(example = "Prevent annual report 2019/20") String title,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2019") Integer year,
            @Size(max = 20) @Pattern(regexp = "reporting|statistical") @Schema(description = "reporting (September–August, "
                    + "the default) or statistical (April–March).", example = "reporting") String calendar) {
    }

    @Schema(description = "A draft's text, in Markdown. A figure is referenced as {{indicator-id}} or "
            + "{{indicator-id by=dimension key=value}} (one cell of a breakdown, e.g. {{training.people-trained by=course "
            + "key=WRAP}}, or of a cross-tabulation the indicator lists, one key part per dimension: "
            + "{{referrals.received by=concern_type,age_band key=ISLAMIST,15-17}}; a key or key part with a space or a "
            + "comma goes in quotes), and rendered as the figure the reader may see.")
    public record EditionContent(@Size(max = 20_000) String introduction,
            @Size(max = 30) List<@Valid @NotNull SectionText> sections,
            @Size(max = 20_000) String conclusion) {

        public List<SectionText> sectionList() {
            return sections == null ? List.of() : sections;
        }
    }

    @Schema(description = "A section: one per priority, or an extra one (e.g. the impact of an emergency).")
    public record SectionText(@NotBlank @Size(max = 200) @Schema(example = "Awareness, learning and development") String heading,
            @Size(max = 40) @Pattern(regexp = "[A-Z_]+") @Schema(description = "The priority it reports on; none for an "
                    + "extra section.", example = "AWARENESS_LEARNING") String priority,
            @Size(max = 20_000) String markdown) {
    }

    @Schema(description = "A saved draft: each save is a new one, none is overwritten.")
    public record DraftInfo(int number, Instant savedAt, @Schema(maxLength = 200) String savedBy) {
    }

    @Schema(description = "A report edition: a draft, or published (its figures frozen as they were).")
    public record EditionView(UUID id, @Schema(maxLength = 300) String title, ReportingPeriod period,
            @Schema(maxLength = 20, example = "DRAFT") String status, int latestDraft, Integer publishedDraft,
            Instant publishedAt, @Schema(maxLength = 200) String publishedBy, @Schema(maxItems = 1000) List<DraftInfo> drafts,
            long version) {
    }

    @Schema(description = "A figure of a published edition that has moved since (late data): for the Prevent lead.")
    public record MovedFigure(@Schema(maxLength = 300, example = "training.people-trained by=course key=WRAP") String reference,
            @Schema(maxLength = 40) String published, @Schema(maxLength = 40) String now) {
    }

    @Schema(description = "A photo of an edition, metadata stripped. Placed in a section's Markdown as a paragraph of "
            + "its own: {{image:<id>}}; shown as a figure with its caption, its alt text read by screen readers.")
    public record ImageView(UUID id, @Schema(maxLength = 20, example = "image/jpeg") String mediaType,
            @Schema(example = "1600") int width, @Schema(example = "1200") int height,
            @Schema(description = "Size of the stored (re-encoded) file in bytes.", example = "284113") long bytes,
            @Schema(maxLength = 500, example = "Pupils at the Game On performance") String caption,
            @Schema(maxLength = 500, example = "A school hall full of Year 9 pupils watching actors on a stage") String alt,
            @Schema(maxLength = 60, example = "{{image:0b6f5a1e-4f0e-4d43-9f43-1f7a6a0f2d11}}") String reference,
            Instant uploadedAt, @Schema(maxLength = 200) String uploadedBy) {
    }
}
