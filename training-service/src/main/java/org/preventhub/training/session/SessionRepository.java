package org.preventhub.training.session;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<TrainingSession, UUID> {

    /**
     * Loads the session with a row lock held to the end of the transaction: every change of its seats (bookings,
     * cancellations, promotions, capacity) goes through here, one at a time, so capacity is never exceeded and the
     * waiting list keeps arrival order. The course comes in the same statement (unlocked: only the session's row is
     * locked), as every booking's event names it.
     */
    public Optional<TrainingSession> lock(UUID id) {
        return find("from TrainingSession s join fetch s.course where s.id = ?1", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
