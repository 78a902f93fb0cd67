package org.preventhub.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * A row of the outbox, in Debezium's column layout (id, aggregatetype, aggregateid, type, payload) so that
 * a Debezium connector with the outbox event router can replace the built-in relay. The relay-only columns
 * ({@code position}, {@code published_at}) are not mapped: only the relay touches them, over JDBC.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "aggregatetype", nullable = false)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    /** The service's JSON as written: the column is {@code json}, not {@code jsonb} (see its migration). */
    @ColumnTransformer(write = "?::json")
    @Column(nullable = false, columnDefinition = "json")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The writer's W3C trace context, relayed as Kafka headers; null without a trace. */
    public String traceparent;

    public String tracestate;
}
