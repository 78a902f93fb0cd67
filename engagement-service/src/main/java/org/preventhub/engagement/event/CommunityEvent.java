package org.preventhub.engagement.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.SortNatural;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.engagement.organisation.PartnerLink;

/** A community engagement event: one record, however many days it runs. */
@Entity
@Table(name = "community_event")
public class CommunityEvent {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryMode mode;

    public String venue;

    @Column(nullable = false)
    public String area;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(nullable = false)
    public String audience;

    @Column(name = "planned_attendance")
    public Integer plannedAttendance;

    public Integer attendance;

    @Column(name = "attendance_counted_by")
    public String attendanceCountedBy;

    public String outcomes;

    @Column(name = "follow_up_actions")
    public String followUpActions;

    @Column(name = "funding_note")
    public String fundingNote;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    /** For events from a council feed: the sending system and its record id. */
    public String source;

    @Column(name = "external_id")
    public String externalId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "community_event_day", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "day", nullable = false)
    @SortNatural
    public SortedSet<LocalDate> days = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "community_event_partner", joinColumns = @JoinColumn(name = "event_id"))
    public List<PartnerLink> partners = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
