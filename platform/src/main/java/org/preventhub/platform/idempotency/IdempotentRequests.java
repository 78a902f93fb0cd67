package org.preventhub.platform.idempotency;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.security.CurrentUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The {@code Idempotency-Key} header on writes: every state-changing POST and PUT of every service takes it. The key
 * is claimed in the same transaction as the write: a concurrent retry blocks on the key's row until the first
 * commits, then replays its answer (status, {@code Location}, {@code ETag} and body), so twenty simultaneous retries
 * have one effect. A key belongs to one caller and one operation on one record (the operation names the record,
 * e.g. {@code POST /events/<id>/held}); the same key with another body there is 422. Failed requests are not
 * remembered (their transaction rolls back), so they can be retried.
 *
 * <p>Work that must not run inside the claim's transaction (a feed upload, whose job runs on other threads and
 * connections; a projection rebuild) uses {@link #executeApart}: the claim commits first, and a concurrent retry
 * while the first is still running is 409 {@code idempotency-in-progress} instead of waiting.
 *
 * <p>The first answer may hold secrets (a booking's cancellation secret) and personal data, and must be kept for
 * the retry. It is therefore stored sealed: every value stored is derived from the caller's key, which the table
 * never holds. {@code idem_key} is a keyed digest of it, {@code request_hash} a keyed digest of the request, and
 * {@code body} the answer encrypted (AES-256-GCM) with a key derived from it. Only a caller presenting the same
 * key can open the answer, and with the server's secret ({@code hub.idempotency.secret}) mixed in, reading the table
 * is useless even for a guessed key.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The header's description in every operation's OpenAPI text. */
    public static final String DOC = "Makes retries safe: a retry with the same key answers as the first call did "
            + "(marked `Idempotent-Replayed: true`) and changes nothing; concurrent retries have one effect; the same "
            + "key with another body is 422. Remembered for a day, per caller.";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    /** Marks the sealed format of {@code body}: nonce and AES-GCM ciphertext, base64. */
    private static final String SEALED = "v2:";
    private static final int NONCE_BYTES = 12;
    /** The length of {@code idempotency_record.scope}. */
    private static final int MAX_SCOPE = 400;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final CurrentUser user;
    private final IdempotencyConfig config;
    private final byte[] serverSecret;

    public IdempotentRequests(EntityManager em, ObjectMapper mapper, CurrentUser user, IdempotencyConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.user = user;
        this.config = config;
        this.serverSecret = config.secret().orElseThrow(() -> new IllegalStateException("HUB_IDEMPOTENCY_SECRET is not set"))
                .getBytes(StandardCharsets.UTF_8);
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
        String scope = scope(operation);
        Keys keys = keysFor(checked(key), operation);
        String hash = keys.requestHash(operation, json(request));
        if (!claim(scope, keys, hash)) {
            return replay(scope, keys, hash);
        }
        Response response = action.get();
        remember(scope, keys, response);
        return response;
    }

    /**
     * As {@link #execute}, for work that must not run inside the claim's transaction: the claim is committed on its
     * own before {@code action} runs (outside any transaction), and the answer in another one after it. A retry while
     * the first request is still running is 409 {@code idempotency-in-progress}; a failed first request is forgotten.
     */
    public Response executeApart(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        Keys keys = keysFor(checked(key), operation);
        String scope = scope(operation);
        String hash = keys.requestHash(operation, json(request));
        Response replayed = QuarkusTransaction.requiringNew().call(() -> claim(scope, keys, hash) ? null
                : replay(scope, keys, hash));
        if (replayed != null) {
            return replayed;
        }
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException | Error e) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DELETE FROM idempotency_record WHERE scope = ?1 AND idem_key = ?2")
                    .setParameter(1, scope).setParameter(2, keys.lookup()).executeUpdate());
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> remember(scope, keys, response));
        return response;
    }

    private String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("The Idempotency-Key header is not valid.",
                    new Violation(HEADER, "1 to 255 visible ASCII characters"));
        }
        return key;
    }

    /**
     * The caller and the operation (with the record it addresses); a long one (paths may carry 500-character segments)
     * is kept as a digest, so that it fits its column.
     */
    private String scope(String operation) {
        String scope = user.id() + " " + operation;
        if (scope.length() <= MAX_SCOPE) {
            return scope;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(scope.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Keys keysFor(String key, String operation) {
        return keys(scope(operation), key);
    }

    private boolean claim(String scope, Keys keys, String hash) {
        return em.createNativeQuery("""
                INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at)
                VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, scope).setParameter(2, keys.lookup()).setParameter(3, hash)
                .executeUpdate() == 1;
    }

    private void remember(String scope, Keys keys, Response response) {
        String body = body(response);
        EntityTag etag = response.getEntityTag();
        em.createNativeQuery("""
                UPDATE idempotency_record SET status_code = ?1, location = ?2, body = ?3, etag = ?4
                WHERE scope = ?5 AND idem_key = ?6""")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, body == null ? null : keys.seal(body))
                .setParameter(4, etag == null ? null : (etag.isWeak() ? "W/" : "") + "\"" + etag.getValue() + "\"")
                .setParameter(5, scope).setParameter(6, keys.lookup())
                .executeUpdate();
    }

    private Response replay(String scope, Keys keys, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, status_code, location, body, etag FROM idempotency_record
                WHERE scope = ?1 AND idem_key = ?2""")
                .setParameter(1, scope).setParameter(2, keys.lookup())
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
        if (row[4] != null) {
            replay.header(HttpHeaders.ETAG, row[4]);
        }
        if (row[3] != null) {
            replay.entity(keys.open((String) row[3])).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
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
        return json(entity);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Value cannot be written as JSON for idempotent replay", e);
        }
    }

    /** Everything stored for one key is derived from it, so the table alone opens nothing. */
    private Keys keys(String scope, String key) {
        byte[] master = hmac(serverSecret, "key\0" + scope + "\0" + key);
        return new Keys(HexFormat.of().formatHex(hmac(master, "lookup")), hmac(master, "seal"), master);
    }

    private record Keys(String lookup, byte[] sealKey, byte[] master) {

        String requestHash(String operation, String requestJson) {
            return HexFormat.of().formatHex(hmac(master, "request\0" + operation + "\n" + requestJson));
        }

        String seal(String plain) {
            try {
                byte[] nonce = new byte[NONCE_BYTES];
                RANDOM.nextBytes(nonce);
                Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
                byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
                return SEALED + Base64.getEncoder().encodeToString(
                        ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot seal the answer for idempotent replay", e);
            }
        }

        String open(String stored) {
            if (!stored.startsWith(SEALED)) {
                throw new IllegalStateException("Stored idempotent answer is not sealed");
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES));
                byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
                return new String(plain, StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot open the stored idempotent answer", e);
            }
        }

        private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(sealKey, "AES"), new GCMParameterSpec(128, nonce));
            // Bound to its row: a sealed answer copied to another key's row does not open.
            cipher.updateAAD(lookup.getBytes(StandardCharsets.US_ASCII));
            return cipher;
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
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
