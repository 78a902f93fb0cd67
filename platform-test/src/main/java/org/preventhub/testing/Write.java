package org.preventhub.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One state-changing call, ready to send, for the tests that prove every write honours {@code Idempotency-Key}
 * ({@link IdempotencyContract}): who sends it, where, with which body, another body for the same key (to be refused
 * with 422), and how to count its effect (events written, rows changed), which a retry must leave as it was.
 */
public final class Write {

    private final String method;
    private final String path;
    private Supplier<RequestSpecification> caller;
    private Object body;
    private Object otherBody;
    private boolean bodiless;
    private String contentType = ContentType.JSON.toString();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private LongSupplier effect;
    private boolean apart;
    private boolean moment;

    private Write(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static Write post(String path) {
        return new Write("POST", path);
    }

    public static Write put(String path) {
        return new Write("PUT", path);
    }

    /** Who sends it: a fresh authenticated request each time (it is sent from several threads). */
    public Write as(Supplier<RequestSpecification> caller) {
        this.caller = caller;
        return this;
    }

    public Write body(Object body) {
        this.body = body;
        return this;
    }

    /** Another valid body: the same key with it must be 422 {@code idempotency-key-reused}. */
    public Write otherBody(Object otherBody) {
        this.otherBody = otherBody;
        return this;
    }

    /** The operation takes no body, so there is no other body to try the key with. */
    public Write bodiless() {
        this.bodiless = true;
        return this;
    }

    public Write contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    public Write header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Counts the call's effect; the first call must raise it, a retry must not. */
    public Write effect(LongSupplier effect) {
        this.effect = effect;
        return this;
    }

    /**
     * The effect is read as a moment (when the work last started), not a count: concurrent retries must change it,
     * and answer alike, but the change is not a number of calls.
     */
    public Write effectIsAMoment(LongSupplier startedAt) {
        this.effect = startedAt;
        this.moment = true;
        return this;
    }

    public boolean isMoment() {
        return moment;
    }

    /**
     * The key is claimed apart from the work (a job on its own threads): a retry while the first call is still
     * running may be 409 {@code idempotency-in-progress} instead of the replayed answer.
     */
    public Write claimedApart() {
        this.apart = true;
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public boolean hasOtherBody() {
        return otherBody != null;
    }

    public boolean isBodiless() {
        return bodiless;
    }

    public boolean isClaimedApart() {
        return apart;
    }

    public long effect() {
        if (effect == null) {
            throw new IllegalStateException(method + " " + path + " says nothing about how to count its effect");
        }
        return effect.getAsLong();
    }

    public Response send(String key) {
        return send(key, body);
    }

    public Response sendOtherBody(String key) {
        return send(key, otherBody);
    }

    private Response send(String key, Object what) {
        if (caller == null) {
            throw new IllegalStateException(method + " " + path + " says nothing about who sends it");
        }
        RequestSpecification request = caller.get().contentType(contentType).headers(headers)
                .header("Idempotency-Key", key);
        if (what instanceof byte[] bytes) {
            request.body(bytes); // a file (an image), sent as it is
        } else if (what != null) {
            request.body(what);
        }
        return request.request(method, path);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
