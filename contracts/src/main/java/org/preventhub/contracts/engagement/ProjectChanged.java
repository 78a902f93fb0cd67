package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.UUID;

import org.preventhub.contracts.Priority;

/**
 * Payload of {@code engagement.funding.project-changed.v1}: a project or programme (Safe and Secure, Game On, We Stand
 * Together) set up or its status changed; upserted by {@code projectId}.
 *
 * @param status RUNNING, PAUSED, TO_BE_RE_ESTABLISHED or COMPLETED
 * @param statusSince the day the status took effect
 */
public record ProjectChanged(UUID projectId, String name, String kind, Priority priority, String status,
        LocalDate statusSince, int events, int courses) {
}
