package org.preventhub.referral.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A Channel panel meeting: chaired by the local authority, attended by members of the partner agencies. */
@Entity
@Table(name = "channel_panel")
public class ChannelPanel {

    @Id
    public UUID id;

    @Column(name = "meets_on", nullable = false)
    public LocalDate meetsOn;

    @Column(name = "chair_id", nullable = false)
    public String chairId;

    @Column(name = "chair_name", nullable = false)
    public String chairName;

    @Column(nullable = false)
    public String status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "panel_member", joinColumns = @JoinColumn(name = "panel_id"))
    public List<Member> members = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean hasMember(String userId) {
        return members.stream().anyMatch(m -> m.userId.equals(userId));
    }

    @Embeddable
    public static class Member {
        @Column(name = "user_id", nullable = false)
        public String userId;

        @Column(nullable = false)
        public String name;

        @Column(nullable = false)
        public String agency;

        public Member() {
        }

        public Member(String userId, String name, String agency) {
            this.userId = userId;
            this.name = name;
            this.agency = agency;
        }
    }
}
