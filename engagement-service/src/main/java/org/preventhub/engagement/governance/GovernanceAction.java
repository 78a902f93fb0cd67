package org.preventhub.engagement.governance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.preventhub.contracts.Priority;

/** An action arising from a meeting's minutes; reporting turns it into a recommended action of the action plan. */
@Entity
@Table(name = "governance_action")
public class GovernanceAction {

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(nullable = false)
    public String title;

    @Column(name = "owner_organisation_id")
    public UUID ownerOrganisationId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;
}
