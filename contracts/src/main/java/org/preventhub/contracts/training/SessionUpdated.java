package org.preventhub.contracts.training;

/**
 * Payload of {@code training.session.updated.v1}: details other than the time changed (capacity, area, mode,
 * audience). Carries the whole snapshot so a consumer can upsert.
 */
public record SessionUpdated(SessionSnapshot session) {
}
