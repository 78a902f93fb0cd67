package org.preventhub.engagement.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
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
import org.preventhub.contracts.Priority;

/** A funded project or programme, the community events it ran and the training courses it used. */
@Entity
@Table(name = "funded_project")
public class FundedProject {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** PROJECT or PROGRAMME. */
    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    public String description;

    @Column(nullable = false)
    public String status;

    @Column(name = "status_since", nullable = false)
    public LocalDate statusSince;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "funded_project_event", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "event_id", nullable = false)
    @SortNatural
    public Set<UUID> events = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "funded_project_course", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "course_code", nullable = false)
    @SortNatural
    public Set<String> courses = new TreeSet<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
