package org.preventhub.training.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.preventhub.platform.notification.NotificationStore.Status;

/** A message to the person who holds a booking, recorded with the change that calls for it (see V2026_12_09_10). */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "ical_sequence")
    public Integer icalSequence;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Notification due(MessageKind kind, UUID bookingId, UUID sessionId, Integer sequence, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.kind = kind;
        n.bookingId = bookingId;
        n.sessionId = sessionId;
        n.icalSequence = sequence;
        n.dueAt = now;
        n.nextAttemptAt = now;
        n.status = Status.PENDING;
        n.createdAt = now;
        return n;
    }
}
