package org.preventhub.referral.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of the journey: who, in which role and agency, when, and why (encrypted). */
@Entity
@Table(name = "referral_step")
public class ReferralStep {

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ReferralStatus toStatus;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "reason_enc")
    public String reasonEnc;
}
