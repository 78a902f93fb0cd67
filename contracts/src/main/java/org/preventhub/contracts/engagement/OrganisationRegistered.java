package org.preventhub.contracts.engagement;

import java.util.UUID;

/** Payload of {@code engagement.organisation.registered.v1}: a partner organisation, without its contact details. */
public record OrganisationRegistered(UUID organisationId, String name, String type, String area, boolean active) {
}
