package org.preventhub.contracts.training;

import java.time.Instant;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

/**
 * A training session as reporting needs it: no trainer name, no venue address, no link.
 *
 * @param area the deployment's area code (a district or borough)
 * @param access {@code OPEN} (bookable by anyone) or {@code BESPOKE} (for one organisation)
 * @param organisation the organisation a bespoke session is for, otherwise null
 * @param status {@code SCHEDULED}, {@code CANCELLED} or {@code DELIVERED}
 */
public record SessionSnapshot(
        UUID sessionId,
        UUID courseId,
        String courseCode,
        Priority priority,
        Instant startsAt,
        Instant endsAt,
        DeliveryMode mode,
        String area,
        int capacity,
        String access,
        String organisation,
        String audienceSector,
        String status) {
}
