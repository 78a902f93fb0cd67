package org.preventhub.engagement.document;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public final class DocumentDtos {

    private DocumentDtos() {
    }

    @Schema(description = "An entry of the document register. A Local Area Prevent Assessment names its area, Terms of "
            + "Reference name their body. The next review is due a cycle after the last review, or after issue.")
    public record GovernanceDocumentRequest(
            @NotBlank @Size(max = 40) @Schema(description = "A configured document type.", example = "TERMS_OF_REFERENCE") String type,
            @NotBlank @Size(max = 200) @Schema(example = "Prevent Strategy Group Terms of Reference") String title,
            @NotNull @Schema(description = "The partner organisation that owns it.") UUID ownerOrganisationId,
            @Schema(description = "The governance body, for Terms of Reference.") UUID bodyId,
            @Size(max = 80) @Schema(description = "The area, for a Local Area Prevent Assessment.", example = "rugby") String area,
            @NotBlank @Size(max = 40) @Schema(example = "2019.1") String documentVersion,
            @NotBlank @Size(max = 20) @Schema(description = "DRAFT, ISSUED, SUPERSEDED or WITHDRAWN.", example = "ISSUED") String status,
            @PlausibleDate(Kind.PAST) @Schema(example = "2019-09-17") LocalDate issuedOn,
            @NotNull @Min(1) @Max(60) @Schema(example = "12") Integer reviewCycleMonths,
            @PlausibleDate(Kind.PAST) @Schema(example = "2020-09-15") LocalDate lastReviewedOn,
            @NotBlank @Size(max = 40) @Schema(description = "A configured protective marking.", example = "OFFICIAL") String marking) {
    }

    @Schema(description = "A review of a document: the next review falls due a cycle later.")
    public record GovernanceReviewRequest(
            @NotNull @PlausibleDate(Kind.PAST) @Schema(example = "2020-09-15") LocalDate reviewedOn,
            @Size(max = 40) @Schema(description = "A new version label, if the review changed it.", example = "2020.1") String documentVersion) {
    }

    @Schema(description = "A register entry (its file is read at its own address, by its marking's readers).")
    public record GovernanceDocumentView(UUID id, @Schema(maxLength = 40) String type, @Schema(maxLength = 200) String title,
            UUID ownerOrganisationId, UUID bodyId, @Schema(maxLength = 80) String area,
            @Schema(maxLength = 40) String documentVersion, @Schema(maxLength = 20) String status, LocalDate issuedOn,
            int reviewCycleMonths, LocalDate lastReviewedOn, LocalDate nextReviewDue,
            @Schema(maxLength = 40) String marking, boolean hasFile, Long fileBytes,
            @Schema(maxLength = 64) String fileSha256, long version) {
    }
}
