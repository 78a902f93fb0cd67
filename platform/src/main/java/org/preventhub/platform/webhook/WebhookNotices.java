package org.preventhub.platform.webhook;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.preventhub.platform.notification.Smtp;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Tells a subscription's contact, by e-mail, that it was disabled after repeated failures: which subscription, why,
 * and how to resume it. The notice holds no event and no payload. It is sent once per disabling (the dispatcher
 * fires the event only for the update that disabled it); a notice the SMTP server refuses is logged, not retried:
 * the status and its reason stay readable through the API.
 */
@ApplicationScoped
public class WebhookNotices {

    private static final Logger LOG = Logger.getLogger(WebhookNotices.class);

    private final EntityManager em;
    private final Instance<WebhookEvents> events;
    private final Smtp smtp;

    public WebhookNotices(EntityManager em, Instance<WebhookEvents> events, Smtp smtp) {
        this.em = em;
        this.events = events;
        this.smtp = smtp;
    }

    void onDisabled(@Observes WebhookSubscriptionDisabled disabled) {
        Optional<String> contact = contactOf(disabled);
        if (contact.isEmpty()) {
            return;
        }
        String text = """
                The webhook subscription %s of your client %s was disabled: %s

                Deliveries that failed stay in its delivery log (GET /webhooks/subscriptions/%s/deliveries), and \
                events are no longer queued for it. Once your receiver answers 2xx again, resume it with \
                POST /webhooks/subscriptions/%s/resume and replay what it missed from the log.

                You receive this because this address was given as the subscription's contact.
                """.formatted(disabled.subscriptionId(), disabled.ownerClient(), disabled.reason(),
                disabled.subscriptionId(), disabled.subscriptionId());
        try {
            smtp.send(Mail.withText(contact.get(), "Prevent Hub: webhook subscription disabled", text));
            LOG.infof("Webhook subscription %s: disabled notice sent to its contact", disabled.subscriptionId());
        } catch (RuntimeException e) {
            LOG.warnf("Webhook subscription %s: the disabled notice could not be sent (%s)", disabled.subscriptionId(),
                    e.getClass().getSimpleName());
        }
    }

    private Optional<String> contactOf(WebhookSubscriptionDisabled disabled) {
        // Fired on the dispatcher's thread, which has no transaction of its own.
        return QuarkusTransaction.requiringNew().call(() -> contactIn(disabled));
    }

    private Optional<String> contactIn(WebhookSubscriptionDisabled disabled) {
        WebhookSubscription s = em.find(WebhookSubscription.class, disabled.subscriptionId());
        if (s == null || s.contactEmailEnc == null || !events.isResolvable()) {
            return Optional.empty();
        }
        return Optional.of(events.get().cipher().decrypt(s.contactEmailEnc, WebhookSubscription.contactContext(s.id)));
    }
}
