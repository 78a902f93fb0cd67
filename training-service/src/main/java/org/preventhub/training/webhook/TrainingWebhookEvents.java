package org.preventhub.training.webhook;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.outbox.OutboxListener;
import org.preventhub.platform.webhook.WebhookEvents;
import org.preventhub.training.trainee.TraineeCryptoConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the booking website hears of: open sessions scheduled, rescheduled, changed or cancelled, and their places
 * left as bookings come and go. Bespoke sessions (for one organisation) are not on the website, so not here; no
 * trainer, venue, link or attendee is in any message. Public: every subscriber of a type receives it.
 */
@ApplicationScoped
public class TrainingWebhookEvents implements WebhookEvents {

    public static final String SESSION_CHANGED = "training.session.changed.v1";
    public static final String PLACES_CHANGED = "training.session.places-changed.v1";

    private static final Map<String, String> CHANGES = Map.of(
            TrainingEventTypes.SESSION_SCHEDULED, "SCHEDULED",
            TrainingEventTypes.SESSION_RESCHEDULED, "RESCHEDULED",
            TrainingEventTypes.SESSION_UPDATED, "UPDATED",
            TrainingEventTypes.SESSION_CANCELLED, "CANCELLED");

    /** The data of {@value #SESSION_CHANGED}. */
    public record SessionChanged(UUID sessionId, String courseCode, String change, Instant startsAt, Instant endsAt,
            String mode, String area, int capacity, int placesLeft, String status) {
    }

    /** The data of {@value #PLACES_CHANGED}: as the session stands when the message is made. */
    public record PlacesChanged(UUID sessionId, int capacity, int placesLeft) {
    }

    private record Seats(int capacity, int left, boolean open) {
    }

    private final ObjectMapper mapper;
    private final FieldCipher cipher;

    public TrainingWebhookEvents(ObjectMapper mapper, TraineeCryptoConfig crypto) {
        this.mapper = mapper;
        this.cipher = new FieldCipher(crypto.keys(), crypto.activeKeyId());
    }

    @Override
    public List<Type> types() {
        return List.of(
                new Type(SESSION_CHANGED, "An open session was scheduled, rescheduled, changed or cancelled: its course, "
                        + "times, mode, area, capacity, places left and status."),
                new Type(PLACES_CHANGED, "A booking or cancellation changed an open session's places left."));
    }

    @Override
    public Optional<Message> message(OutboxListener.Published event, Connection connection) throws SQLException {
        String change = CHANGES.get(event.type());
        if (change != null) {
            JsonNode session = read(event.payload()).path("session");
            UUID id = UUID.fromString(session.path("sessionId").asText());
            return seats(connection, id).filter(Seats::open).map(seats -> new Message(SESSION_CHANGED, null,
                    new SessionChanged(id, session.path("courseCode").asText(null), change,
                            instant(session.path("startsAt")), instant(session.path("endsAt")),
                            session.path("mode").asText(null), session.path("area").asText(null),
                            session.path("capacity").asInt(), seats.left(), session.path("status").asText(null))));
        }
        if (TrainingEventTypes.AGGREGATE_BOOKING.equals(event.aggregateType())
                && !TrainingEventTypes.BOOKING_WAITLISTED.equals(event.type())) {
            UUID id = UUID.fromString(read(event.payload()).path("booking").path("sessionId").asText());
            return seats(connection, id).filter(Seats::open)
                    .map(seats -> new Message(PLACES_CHANGED, null, new PlacesChanged(id, seats.capacity(), seats.left())));
        }
        return Optional.empty();
    }

    @Override
    public FieldCipher cipher() {
        return cipher;
    }

    private static Optional<Seats> seats(Connection connection, UUID session) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT capacity, seats_taken, access FROM training_session WHERE id = ?")) {
            select.setObject(1, session);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Seats(rs.getInt(1), Math.max(0, rs.getInt(1) - rs.getInt(2)),
                        "OPEN".equals(rs.getString(3)))) : Optional.empty();
            }
        }
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable training event", e);
        }
    }
}
