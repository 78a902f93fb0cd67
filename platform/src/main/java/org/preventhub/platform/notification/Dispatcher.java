package org.preventhub.platform.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.preventhub.platform.notification.NotificationStore.Status;

import io.quarkus.mailer.Mail;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends due messages, at most once each: a message is claimed in a committed statement of its own before it is
 * handed to SMTP, so no dispatcher (here or in another instance) sends it again. The outcome is then recorded:
 * SENT; on a temporary failure (the server unreachable, a 4xx answer) another attempt after an exponential back-off,
 * FAILED after the last; BOUNCED when the server refuses it for good (5xx). A claim whose outcome was never recorded
 * (the process stopped while sending) is given up as UNKNOWN after {@code sending-timeout}, not sent blindly again.
 * The log says which message and the outcome: never the address, never the body.
 *
 * <p>Not a bean: a service makes one per table of messages, with the composer that makes its messages, and calls
 * {@link #dispatch()} from its own scheduled job (training's booking messages, the platform's staff reminders).
 */
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** A message to send, or the reason it is not sent (the person declined it, nobody is left to send it to). */
    public record Composed(Mail mail, String skipped) {

        public static Composed send(Mail mail) {
            return new Composed(mail, null);
        }

        public static Composed skip(String why) {
            return new Composed(null, why);
        }
    }

    /** Makes a claimed message, in its own transaction, from the records as they are when it is sent. */
    @FunctionalInterface
    public interface Composer {
        Composed compose(UUID messageId);
    }

    private final NotificationStore store;
    private final Composer composer;
    private final Smtp smtp;
    private final DispatchConfig config;

    public Dispatcher(NotificationStore store, Composer composer, Smtp smtp, DispatchConfig config) {
        this.store = store;
        this.composer = composer;
        this.smtp = smtp;
        this.config = config;
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
        Composed composed;
        try {
            composed = composer.compose(id);
        } catch (RuntimeException e) {
            // A message that cannot be made will not be made by trying again.
            LOG.errorf(e, "Message %s: failed (could not be composed)", id);
            store.finish(id, Status.FAILED, "could not be composed: " + e.getClass().getSimpleName(),
                    Instant.now());
            return;
        }
        if (composed.skipped() != null) {
            store.finish(id, Status.SKIPPED, composed.skipped(), Instant.now());
            LOG.infof("Message %s: skipped (%s)", id, composed.skipped());
            return;
        }
        try {
            smtp.send(composed.mail());
        } catch (RuntimeException e) {
            failed(id, e);
            return;
        }
        store.finish(id, Status.SENT, null, Instant.now());
        LOG.infof("Message %s: sent", id);
    }

    private void failed(UUID id, RuntimeException e) {
        SMTPException smtpAnswer = smtpAnswer(e);
        String error = smtpAnswer != null ? smtpAnswer.getReplyCode() + " " + smtpAnswer.getReplyMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (smtpAnswer != null && smtpAnswer.isPermanent()) {
            store.finish(id, Status.BOUNCED, error, Instant.now());
            LOG.warnf("Message %s: bounced (%d)", id, smtpAnswer.getReplyCode());
            return;
        }
        int attempts = store.attempts(id);
        if (attempts >= config.maxAttempts()) {
            store.finish(id, Status.FAILED, error, Instant.now());
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
