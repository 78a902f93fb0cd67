package org.preventhub.platform.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries, at least once: a delivery is claimed (leased, {@code SKIP LOCKED}, so replicas share the
 * work and never send one twice at once), POSTed with the Standard Webhooks headers, and its attempt recorded.
 * A 2xx is delivered; anything else is retried after an exponential back-off with jitter until it has failed for
 * {@code retry.give-up-after}; a subscription whose deliveries keep failing is disabled, with a notice.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private record Claimed(UUID id, UUID subscriptionId, String payload, String url, String secretEnc) {
    }

    private record Outcome(Integer statusCode, String error, int durationMs) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final AgroalDataSource dataSource;
    private final WebhookConfig config;
    private final Instance<WebhookEvents> events;
    private final Event<WebhookSubscriptionDisabled> disabled;
    private final HttpClient client;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter failed;

    public WebhookDispatcher(AgroalDataSource dataSource, WebhookConfig config, Instance<WebhookEvents> events,
            Event<WebhookSubscriptionDisabled> disabled, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.events = events;
        this.disabled = disabled;
        this.client = HttpClient.newBuilder().connectTimeout(config.dispatch().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.delivered = registry.counter("webhook.deliveries", "result", "delivered");
        this.failedAttempts = registry.counter("webhook.deliveries", "result", "attempt-failed");
        this.failed = registry.counter("webhook.deliveries", "result", "failed");
    }

    @Scheduled(every = "${hub.webhooks.dispatch.every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        if (!config.dispatch().enabled() || !events.isResolvable()) {
            return;
        }
        try {
            int claimed;
            do {
                claimed = dispatchBatch();
            } while (claimed >= config.dispatch().batchSize());
        } catch (SQLException e) {
            LOG.warnf("Webhook dispatch failed (SQLState %s); retrying", e.getSQLState());
        }
    }

    /** @return deliveries attempted */
    int dispatchBatch() throws SQLException {
        List<Claimed> batch = claim();
        if (batch.isEmpty()) {
            return 0;
        }
        WebhookEvents source = events.get();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(batch.size());
        for (Claimed delivery : batch) {
            outcomes.add(send(delivery, source));
        }
        for (int i = 0; i < batch.size(); i++) {
            record(batch.get(i), outcomes.get(i).join());
        }
        return batch.size();
    }

    private List<Claimed> claim() throws SQLException {
        Instant now = Instant.now();
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT d.id, d.subscription_id, d.payload, s.url, s.secret_enc
                        FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                        WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND s.status = 'ACTIVE'
                        ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED""")) {
                    select.setTimestamp(1, Timestamp.from(now));
                    select.setInt(2, config.dispatch().batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                    rs.getString(3), rs.getString(4), rs.getString(5)));
                        }
                    }
                }
                if (!claimed.isEmpty()) {
                    try (PreparedStatement lease = connection.prepareStatement(
                            "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ANY(?)")) {
                        lease.setTimestamp(1, Timestamp.from(now.plus(config.dispatch().lease())));
                        lease.setArray(2, connection.createArrayOf("uuid", claimed.stream().map(Claimed::id).toArray()));
                        lease.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return claimed;
    }

    private CompletableFuture<Outcome> send(Claimed delivery, WebhookEvents source) {
        long started = System.nanoTime();
        try {
            URI url = URI.create(delivery.url());
            if (!config.allowPrivateAddresses()) {
                for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                    if (WebhookSubscriptions.isPrivate(address)) {
                        return CompletableFuture.completedFuture(new Outcome(null, "refused: private address", 0));
                    }
                }
            }
            String secret = source.cipher().decrypt(delivery.secretEnc(),
                    WebhookSubscription.secretContext(delivery.subscriptionId()));
            long timestamp = Instant.now().getEpochSecond();
            String id = delivery.id().toString();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(config.dispatch().timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "PreventHub-Webhooks/1")
                    .header(WebhookSignature.ID_HEADER, id)
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(secret, id, timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> failure == null
                            ? new Outcome(response.statusCode(), null, millisSince(started))
                            : new Outcome(null, describe(failure), millisSince(started)));
        } catch (Exception e) {
            return CompletableFuture.completedFuture(new Outcome(null, describe(e), millisSince(started)));
        }
    }

    private void record(Claimed delivery, Outcome outcome) throws SQLException {
        Instant now = Instant.now();
        WebhookSubscriptionDisabled notice = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int attempts;
                Instant createdAt;
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT attempts, created_at FROM webhook_delivery WHERE id = ? FOR UPDATE")) {
                    lock.setObject(1, delivery.id());
                    try (ResultSet rs = lock.executeQuery()) {
                        if (!rs.next()) {
                            connection.rollback();
                            return; // its subscription was deleted meanwhile
                        }
                        attempts = rs.getInt(1) + 1;
                        createdAt = rs.getTimestamp(2).toInstant();
                    }
                }
                try (PreparedStatement log = connection.prepareStatement("""
                        INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                    log.setObject(1, delivery.id());
                    log.setInt(2, attempts);
                    log.setTimestamp(3, Timestamp.from(now));
                    log.setObject(4, outcome.statusCode());
                    log.setString(5, outcome.error());
                    log.setInt(6, outcome.durationMs());
                    log.executeUpdate();
                }
                String status;
                Instant next = null;
                if (outcome.delivered()) {
                    status = "DELIVERED";
                    delivered.increment();
                } else if (attempts >= config.retry().maxAttempts()
                        || !now.isBefore(createdAt.plus(config.retry().giveUpAfter()))) {
                    status = "FAILED";
                    failed.increment();
                    LOG.warnf("Webhook delivery %s of subscription %s failed for good after %d attempts (last: %s)",
                            delivery.id(), delivery.subscriptionId(), attempts, describe(outcome));
                } else {
                    status = "PENDING";
                    next = now.plus(backoff(attempts));
                    failedAttempts.increment();
                }
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_attempt_at = ?,
                            last_status_code = ?, last_error = ?, delivered_at = ? WHERE id = ?""")) {
                    update.setString(1, status);
                    update.setInt(2, attempts);
                    update.setTimestamp(3, next == null ? null : Timestamp.from(next));
                    update.setTimestamp(4, Timestamp.from(now));
                    update.setObject(5, outcome.statusCode());
                    update.setString(6, outcome.error());
                    update.setTimestamp(7, outcome.delivered() ? Timestamp.from(now) : null);
                    update.setObject(8, delivery.id());
                    update.executeUpdate();
                }
                notice = outcome.delivered() ? succeeded(connection, delivery.subscriptionId())
                        : failed(connection, delivery.subscriptionId(), status.equals("FAILED"), now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        if (notice != null) {
            LOG.warnf("Webhook subscription %s of client %s (agency %s) disabled: %s", notice.subscriptionId(),
                    notice.ownerClient(), notice.ownerAgency(), notice.reason());
            disabled.fire(notice);
        }
    }

    private static WebhookSubscriptionDisabled succeeded(Connection connection, UUID subscription) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE webhook_subscription SET failed_deliveries = 0, failing_since = NULL
                WHERE id = ? AND (failed_deliveries > 0 OR failing_since IS NOT NULL)""")) {
            update.setObject(1, subscription);
            update.executeUpdate();
        }
        return null;
    }

    /** Counts the failure, and disables the subscription when the rules say so. */
    private WebhookSubscriptionDisabled failed(Connection connection, UUID subscription, boolean forGood, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE webhook_subscription SET failing_since = COALESCE(failing_since, ?),
                    failed_deliveries = failed_deliveries + ? WHERE id = ?""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setInt(2, forGood ? 1 : 0);
            update.setObject(3, subscription);
            update.executeUpdate();
        }
        int afterDeliveries = config.disable().afterFailedDeliveries();
        Duration failingFor = config.disable().afterFailingFor();
        String reason = "Disabled after " + afterDeliveries + " deliveries in a row failed for good, or every attempt "
                + "failed for " + failingFor + "; resume it once the receiver answers 2xx.";
        try (PreparedStatement disable = connection.prepareStatement("""
                UPDATE webhook_subscription SET status = 'DISABLED', status_reason = ?, updated_at = ?
                WHERE id = ? AND status = 'ACTIVE' AND (failed_deliveries >= ? OR failing_since <= ?)
                RETURNING owner_client, owner_agency""")) {
            disable.setString(1, reason);
            disable.setTimestamp(2, Timestamp.from(now));
            disable.setObject(3, subscription);
            disable.setInt(4, afterDeliveries);
            disable.setTimestamp(5, Timestamp.from(now.minus(failingFor)));
            try (ResultSet rs = disable.executeQuery()) {
                return rs.next() ? new WebhookSubscriptionDisabled(subscription, rs.getString(1), rs.getString(2), reason)
                        : null;
            }
        }
    }

    Duration backoff(int attempts) {
        return backoff(attempts, config.retry().baseDelay(), config.retry().maxDelay());
    }

    /**
     * The wait after the {@code attempts}-th failed attempt: exponential, capped, with "equal jitter" (half the delay
     * fixed, half random), so receivers coming back are not hit by every retry at once, and each wait is at least
     * the one before (until the cap).
     */
    static Duration backoff(int attempts, Duration baseDelay, Duration maxDelay) {
        long base = baseDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long delay = base > (max >> doublings) ? max : Math.min(max, base << doublings);
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteFinished() {
        if (!events.isResolvable()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(config.keepDeliveries())));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Deleted %d finished webhook deliveries", deleted);
            }
        } catch (SQLException e) {
            LOG.warnf("Webhook delivery clean-up failed (SQLState %s)", e.getSQLState());
        }
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static String describe(Outcome outcome) {
        return outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : outcome.error();
    }

    /** The kind of failure only: a message may quote the receiver. */
    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String name = cause.getClass().getSimpleName();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
