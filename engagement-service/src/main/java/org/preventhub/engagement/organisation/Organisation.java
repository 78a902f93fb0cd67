package org.preventhub.engagement.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    public String area;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
