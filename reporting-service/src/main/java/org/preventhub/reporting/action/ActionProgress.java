package org.preventhub.reporting.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "action_progress")
public class ActionProgress {

    @Id
    public UUID id;

    @Column(name = "action_id", nullable = false)
    public UUID actionId;

    @Column(name = "on_date", nullable = false)
    public LocalDate onDate;

    @Column(nullable = false)
    public String note;

    @Column(name = "by_name", nullable = false)
    public String byName;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
