package org.preventhub.engagement.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A meeting of a body: planned with its agenda, then minuted with attendance, apologies and decisions. */
@Entity
@Table(name = "governance_meeting")
public class GovernanceMeeting {

    public static final String PLANNED = "PLANNED";
    public static final String HELD = "HELD";

    @Id
    public UUID id;

    @Column(name = "body_id", nullable = false)
    public UUID bodyId;

    @Column(name = "meets_on", nullable = false)
    public LocalDate meetsOn;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> agenda = new ArrayList<>();

    /** Member ids present. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<UUID> attended = new ArrayList<>();

    /** Member ids who sent apologies. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<UUID> apologies = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> decisions = new ArrayList<>();

    /** Set when minuted: whether the members present met the body's quorum. */
    public Boolean quorate;

    @Column(name = "minuted_by")
    public String minutedBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
