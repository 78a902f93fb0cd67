package org.preventhub.engagement.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One status a project had, from when, and why: paused for lockdown, to be re-established, ... */
@Entity
@Table(name = "funded_project_status")
public class ProjectStatusChange {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public LocalDate since;

    public String reason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
