package org.preventhub.training.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends due messages, at most once each: a message is claimed in a committed statement of its own before it is
 * handed to SMTP, so no dispatcher (here or in another instance) sends it again. The outcome is then recorded:
 * SENT; on a temporary failure (the server unreachable, a 4xx answer) another attempt after an exponential back-off,
 * FAILED after the last; BOUNCED when the server refuses it for good (5xx). A claim whose outcome was never recorded
 * (the process stopped while sending) is given up as UNKNOWN after {@code sending-timeout}, not sent blindly again.
 * The log says which message, kind and booking, and the outcome: never the address, never the body.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotificationStore store;
    private final MessageComposer composer;
    private final Smtp smtp;
    private final NotificationConfig.Dispatch config;

    public Dispatcher(NotificationStore store, MessageComposer composer, Smtp smtp, NotificationConfig config) {
        this.store = store;
        this.composer = composer;
        this.smtp = smtp;
        this.config = config.dispatch();
    }

    @Scheduled(every = "${hub.notification.dispatch.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "notification-dispatch")
    void scheduled() {
        dispatch();
    }

    /** One round: gives up stale claims, then sends what is due, a batch at a time. @return messages handled */
    public synchronized int dispatch() {
        store.giveUpStale(config.sendingTimeout(), Instant.now());
        int handled = 0;
        List<UUID> claimed;
        do {
            claimed = store.claimDue(config.batchSize(), Instant.now());
            for (UUID id : claimed) {
                deliver(id);
                handled++;
            }
        } while (claimed.size() == config.batchSize());
        return handled;
    }

    private void deliver(UUID id) {
        MessageComposer.Composed composed;
        try {
            composed = composer.compose(id);
        } catch (RuntimeException e) {
            // A message that cannot be made will not be made by trying again.
            LOG.errorf(e, "Message %s: failed (could not be composed)", id);
            store.finish(id, Notification.Status.FAILED, "could not be composed: " + e.getClass().getSimpleName(),
                    Instant.now());
            return;
        }
        if (composed.skipped() != null) {
            store.finish(id, Notification.Status.SKIPPED, composed.skipped(), Instant.now());
            LOG.infof("Message %s: skipped (%s)", id, composed.skipped());
            return;
        }
        try {
            smtp.send(composed.mail());
        } catch (RuntimeException e) {
            failed(id, e);
            return;
        }
        store.finish(id, Notification.Status.SENT, null, Instant.now());
        LOG.infof("Message %s: sent", id);
    }

    private void failed(UUID id, RuntimeException e) {
        SMTPException smtpAnswer = smtpAnswer(e);
        String error = smtpAnswer != null ? smtpAnswer.getReplyCode() + " " + smtpAnswer.getReplyMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (smtpAnswer != null && smtpAnswer.isPermanent()) {
            store.finish(id, Notification.Status.BOUNCED, error, Instant.now());
            LOG.warnf("Message %s: bounced (%d)", id, smtpAnswer.getReplyCode());
            return;
        }
        int attempts = store.attempts(id);
        if (attempts >= config.maxAttempts()) {
            store.finish(id, Notification.Status.FAILED, error, Instant.now());
            LOG.errorf("Message %s: failed after %d attempts", id, attempts);
            return;
        }
        Duration wait = backoff(attempts);
        store.retry(id, error, Instant.now().plus(wait));
        LOG.warnf("Message %s: attempt %d failed, next in %s", id, attempts, wait);
    }

    /** first, 2×first, 4×first, ... up to the maximum. */
    Duration backoff(int attempts) {
        Duration wait = config.firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static SMTPException smtpAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException answer) {
                return answer;
            }
        }
        return null;
    }
}
