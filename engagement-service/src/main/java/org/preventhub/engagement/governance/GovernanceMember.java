package org.preventhub.engagement.governance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A seat on a body: the organisation it represents, the role, and the person as a user id (no name kept here). */
@Entity
@Table(name = "governance_member")
public class GovernanceMember {

    @Id
    public UUID id;

    @Column(name = "body_id", nullable = false)
    public UUID bodyId;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String role;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;
}
