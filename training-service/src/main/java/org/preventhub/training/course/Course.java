package org.preventhub.training.course;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

@Entity
@Table(name = "course")
public class Course {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(nullable = false)
    public String audience;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    // Lazy: a booking loads its session's course for the event's course code, and has no use for the modes.
    @ElementCollection
    @CollectionTable(name = "course_mode", joinColumns = @JoinColumn(name = "course_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false)
    public Set<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean offers(DeliveryMode mode) {
        return modes.contains(mode);
    }
}
