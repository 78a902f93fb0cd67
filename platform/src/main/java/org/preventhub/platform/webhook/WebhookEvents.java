package org.preventhub.platform.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.outbox.OutboxListener;

/**
 * What a service offers partner systems by webhook: one {@code @ApplicationScoped} bean per service that publishes
 * webhooks, beside {@code @Path("/webhooks") class XWebhookResource extends WebhookResource {}}. It decides what
 * leaves the service: a message's data must carry no personal data, whoever subscribes.
 */
public interface WebhookEvents {

    /** A webhook event type a partner may subscribe to. */
    record Type(String name, String description) {
    }

    /**
     * What one outbox event tells subscribers of {@code type}.
     *
     * @param agency the agency whose record it is: only that agency's subscriptions (and those that see every
     *            agency) receive it; {@code null} when anyone subscribed to the type may
     * @param data the message's {@code data}, written as JSON
     */
    record Message(String type, String agency, Object data) {
    }

    List<Type> types();

    /**
     * The message an outbox event makes, if any. Runs on the outbox relay's thread, in its transaction: read what
     * the event does not carry (the agency of a record, say) through {@code connection}, quickly.
     */
    Optional<Message> message(OutboxListener.Published event, Connection connection) throws SQLException;

    /** Seals the subscriptions' signing secrets at rest: the service's own field cipher. */
    FieldCipher cipher();
}
