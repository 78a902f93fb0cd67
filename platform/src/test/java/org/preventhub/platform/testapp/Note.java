package org.preventhub.platform.testapp;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The test application's one entity: a note, written through the API or by the notes feed. */
@Entity
@Table(name = "note")
public class Note {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String text;

    public String source;

    @Column(name = "external_id")
    public String externalId;

    public LocalDate day;

    public String mode;

    @Version
    public long version;
}
