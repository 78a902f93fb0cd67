package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code engagement.document.registered.v1} and {@code engagement.document.reviewed.v1}: a register entry's
 * whole snapshot (never its file), upserted by {@code documentId}.
 *
 * @param area the area of a Local Area Prevent Assessment, else null
 * @param bodyId the governance body of a Terms of Reference, else null
 */
public record GovernanceDocumentChanged(UUID documentId, String type, String title, UUID ownerOrganisationId,
        UUID bodyId, String area, String documentVersion, String status, LocalDate issuedOn, int reviewCycleMonths,
        LocalDate lastReviewedOn, LocalDate nextReviewDue, String marking) {
}
