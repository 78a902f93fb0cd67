package org.preventhub.contracts.engagement;

import java.util.UUID;

/**
 * Payload of {@code engagement.organisation.updated.v1}: a partner organisation after a change, without its contact
 * details. Same fields as {@link OrganisationRegistered}, so a consumer upserts both by {@code organisationId}.
 */
public record OrganisationUpdated(UUID organisationId, String name, String type, String area, boolean active) {
}
