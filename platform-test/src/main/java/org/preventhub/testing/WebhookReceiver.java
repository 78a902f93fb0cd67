package org.preventhub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint for tests: a real HTTP server (the JDK's) on a free loopback port that keeps every
 * request and answers with the status it is told to. {@link #verify} is the receiver's side of the Standard Webhooks
 * signature, written here from the convention, apart from the code that signs.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived. */
    public record Received(String id, String timestamp, String signature, String body, Instant at) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntSupplier status = () -> 204;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), body, Instant.now()));
            }
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a webhook receiver", e);
        }
    }

    /** The address to subscribe, e.g. {@code http://127.0.0.1:54321/hooks}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public WebhookReceiver answering(int statusCode) {
        this.status = () -> statusCode;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Standard Webhooks verification: the timestamp within {@code toleranceSeconds} of {@code nowSeconds}, and a {@code v1}
     * signature equal (in constant time) to base64(HMAC-SHA256(base64-decoded secret, id.timestamp.body)).
     */
    public static boolean verify(String secret, String id, String timestamp, String body, String signatures,
            long nowSeconds, long toleranceSeconds) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
        if (Math.abs(nowSeconds - sent) > toleranceSeconds || signatures == null) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = Base64.getEncoder().encode(mac.doFinal((id + "." + timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** Verified as it arrives: five minutes' tolerance, the convention's suggestion. */
    public static boolean verify(String secret, Received request) {
        return verify(secret, request.id(), request.timestamp(), request.body(), request.signature(),
                Instant.now().getEpochSecond(), 300);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
