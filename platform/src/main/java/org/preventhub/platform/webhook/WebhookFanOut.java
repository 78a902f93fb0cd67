package org.preventhub.platform.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.preventhub.platform.outbox.OutboxListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes the deliveries of the events Kafka acknowledged, in the relay's transaction that marks them published: an
 * event is fanned out exactly once, after its change committed, in the order of the outbox, and the request that
 * made it waited for none of this (the bookings' latency stays as it was). Subscriptions are read once per batch.
 */
@ApplicationScoped
public class WebhookFanOut implements OutboxListener {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);

    private record Subscriber(UUID id, String agency, boolean allAgencies, Set<String> types) {
    }

    private final Instance<WebhookEvents> events;
    private final ObjectMapper mapper;

    public WebhookFanOut(Instance<WebhookEvents> events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper;
    }

    @Override
    public void published(Connection connection, List<Published> published) throws SQLException {
        if (!events.isResolvable() || published.isEmpty()) {
            return;
        }
        List<Subscriber> subscribers = subscribers(connection);
        if (subscribers.isEmpty()) {
            return;
        }
        WebhookEvents source = events.get();
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
                    next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT (subscription_id, event_id) DO NOTHING""")) {
            int rows = 0;
            for (Published event : published) {
                Optional<Made> made = message(source, event, connection);
                if (made.isEmpty()) {
                    continue;
                }
                WebhookEvents.Message message = made.get().message();
                for (Subscriber s : subscribers) {
                    if (!receives(s, message)) {
                        continue;
                    }
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, s.id());
                    insert.setObject(3, event.id());
                    insert.setString(4, message.type());
                    insert.setString(5, made.get().body());
                    insert.setTimestamp(6, Timestamp.from(now));
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
    }

    /** The type, and the agency: a subscription sees its own agency's records, or every agency's, or public ones. */
    static boolean receives(Subscriber s, WebhookEvents.Message message) {
        return s.types().contains(message.type())
                && (message.agency() == null || s.allAgencies() || message.agency().equals(s.agency()));
    }

    private record Made(WebhookEvents.Message message, String body) {
    }

    private Optional<Made> message(WebhookEvents source, Published event, Connection connection) throws SQLException {
        try {
            return source.message(event, connection).map(m -> new Made(m, body(m, event)));
        } catch (RuntimeException e) {
            // A payload the service cannot read must not stop its relay: this event goes to no subscriber.
            LOG.errorf("Webhook message of event %s (%s) could not be made (%s); not delivered", event.id(),
                    event.type(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The Standard Webhooks body: {@code type}, {@code timestamp} (the event's) and {@code data}. */
    private String body(WebhookEvents.Message message, Published event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", message.type());
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        body.put("data", message.data());
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Webhook data of " + message.type() + " cannot be written as JSON", e);
        }
    }

    private static List<Subscriber> subscribers(Connection connection) throws SQLException {
        List<Subscriber> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, owner_agency, all_agencies, event_types FROM webhook_subscription
                WHERE status IN ('ACTIVE', 'PAUSED')""");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                found.add(new Subscriber(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        Set.of(rs.getString(4).split(","))));
            }
        }
        return found;
    }
}
