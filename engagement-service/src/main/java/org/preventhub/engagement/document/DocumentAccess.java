package org.preventhub.engagement.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A download of a document's file, granted or refused by its protective marking. */
@Entity
@Table(name = "document_access_log")
public class DocumentAccess {

    public static final String GRANTED = "GRANTED";
    public static final String REFUSED = "REFUSED";

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;
}
