package org.preventhub.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.security.CurrentUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * The {@code Idempotency-Key} header on writes. The key is claimed in the same transaction as the write:
 * a concurrent retry blocks on the key's row until the first commits, then replays its answer, so twenty
 * simultaneous retries create one record. The same key with a different body is 422. Failed requests are
 * not remembered (their transaction rolls back), so they can be retried.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CurrentUser user;
    private final IdempotencyConfig config;

    public IdempotentRequests(EntityManager em, ObjectMapper mapper, CurrentUser user, IdempotencyConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.user = user;
        this.config = config;
    }

    /**
     * Runs {@code action} once per key and caller.
     *
     * @param operation names the operation, e.g. {@code POST /sessions}; part of the key's scope
     * @param request the request body, compared with the first request's body
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("The Idempotency-Key header is not valid.",
                    new Violation(HEADER, "1 to 255 visible ASCII characters"));
        }
        String scope = user.id() + " " + operation;
        String hash = hash(operation, request);
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at)
                VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .executeUpdate();
        if (claimed == 0) {
            return replay(scope, key, hash);
        }
        Response response = action.get();
        em.createNativeQuery("""
                UPDATE idempotency_record SET status_code = ?1, location = ?2, body = ?3
                WHERE scope = ?4 AND idem_key = ?5""")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, body(response))
                .setParameter(4, scope).setParameter(5, key)
                .executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, status_code, location, body FROM idempotency_record
                WHERE scope = ?1 AND idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            // Claimed and expired between our insert and this read: vanishingly rare, safe to retry.
            throw ProblemException.conflict("idempotency-in-progress", "Retry the request.");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was used with a different request body. Use a new key for a new request.");
        }
        if (row[1] == null) {
            throw ProblemException.conflict("idempotency-in-progress",
                    "The first request with this Idempotency-Key has not finished yet. Retry shortly.");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            replay.entity(row[3]).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        return replay.build();
    }

    private String body(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response cannot be stored for idempotent replay", e);
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        int deleted = em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
                .setParameter(1, Instant.now().minus(config.retention()))
                .executeUpdate();
        if (deleted > 0) {
            LOG.debugf("Forgot %d expired idempotency keys", deleted);
        }
    }
}
