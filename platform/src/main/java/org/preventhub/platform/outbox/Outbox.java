package org.preventhub.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the caller's transaction: the event exists if and only if the state change commits.
 * The relay publishes it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public Outbox(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * @param aggregateId becomes the Kafka key, so events of one aggregate stay in order
     * @param payload a record from the {@code contracts} module
     * @return the event id (the CloudEvent id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String aggregateType, Object aggregateId, String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId.toString();
        event.type = type;
        event.occurredAt = Instant.now();
        event.payload = json(type, payload);
        TraceContext trace = TraceContext.current();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate();
        em.persist(event);
        return event.id;
    }

    /** An event made ready to be recorded later, by {@link #record(Connection, List)}. */
    public record Pending(UUID id, String aggregateType, String aggregateId, String type, String payload,
            Instant occurredAt) {
    }

    /** Makes an event ready to record, its payload already JSON: for bulk writers that prepare on another thread. */
    public Pending event(String aggregateType, Object aggregateId, String type, Object payload) {
        return new Pending(UUID.randomUUID(), aggregateType, aggregateId.toString(), type, json(type, payload),
                Instant.now());
    }

    /**
     * Records events, in order, through a JDBC connection of the caller's transaction, written at once: for bulk
     * writers, whose thousands of large events would otherwise wait in the persistence context for the flush.
     */
    public void record(Connection connection, List<Pending> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, occurred_at, traceparent,
                    tracestate)
                VALUES (?, ?, ?, ?, ?::json, ?, ?, ?)""")) {
            // The trace of the writing thread (the request or the job), not of the threads that prepared the events.
            TraceContext trace = TraceContext.current();
            for (Pending event : events) {
                insert.setObject(1, event.id());
                insert.setString(2, event.aggregateType());
                insert.setString(3, event.aggregateId());
                insert.setString(4, event.type());
                insert.setString(5, event.payload());
                insert.setTimestamp(6, Timestamp.from(event.occurredAt()));
                insert.setString(7, trace.traceparent());
                insert.setString(8, trace.tracestate());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String json(String type, Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of type " + type + " cannot be written as JSON", e);
        }
    }
}
