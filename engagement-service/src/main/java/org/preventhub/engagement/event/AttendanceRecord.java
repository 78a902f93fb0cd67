package org.preventhub.engagement.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attendance figure an event was given: recorded once held, or a later correction. */
@Entity
@Table(name = "attendance_record")
public class AttendanceRecord {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** RECORDED or CORRECTED. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int attendance;

    @Column(name = "counted_by", nullable = false)
    public String countedBy;

    public String reason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
