package org.preventhub.referral.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.outbox.OutboxListener;
import org.preventhub.platform.webhook.WebhookEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One webhook type: a referral moved to another stage. It tells the referring agency what its status view tells
 * it (the referral's id and reference, the stage, the day), never who the person is nor anything of the case, and
 * only that agency's subscriptions receive it (and the Prevent lead's, with the same data).
 */
@ApplicationScoped
public class ReferralWebhookEvents implements WebhookEvents {

    public static final String STATUS_CHANGED = "referral.status-changed.v1";

    /** The data of {@value #STATUS_CHANGED}: nothing a partner's status view does not already show. */
    public record StatusChanged(UUID referralId, String reference, String stage, String previousStage, LocalDate on) {
    }

    private final ObjectMapper mapper;
    private final FieldCipher cipher;

    public ReferralWebhookEvents(ObjectMapper mapper, FieldCipher cipher) {
        this.mapper = mapper;
        this.cipher = cipher;
    }

    @Override
    public List<Type> types() {
        return List.of(new Type(STATUS_CHANGED, "A referral of the subscriber's agency moved to another stage (received, "
                + "screened, listed for panel, adopted, in support, exited, closed...): its id, reference, stage, the "
                + "stage it left and the day. No personal data."));
    }

    @Override
    public Optional<Message> message(OutboxListener.Published event, Connection connection) throws SQLException {
        if (!ReferralEventTypes.AGGREGATE_REFERRAL.equals(event.aggregateType()) || !event.type().startsWith("referral.")) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, reference, referrer_agency FROM referral WHERE pseudonym = ?")) {
            select.setString(1, event.aggregateId());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty(); // erased since
                }
                JsonNode payload = read(event.payload());
                JsonNode on = payload.path("on");
                return Optional.of(new Message(STATUS_CHANGED, rs.getString(3), new StatusChanged(
                        rs.getObject(1, UUID.class), rs.getString(2), payload.path("referral").path("stage").asText(null),
                        payload.path("previousStage").asText(null), on.isTextual() ? LocalDate.parse(on.asText()) : null)));
            }
        }
    }

    @Override
    public FieldCipher cipher() {
        return cipher;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable referral event", e);
        }
    }
}
