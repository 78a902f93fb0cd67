package org.preventhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The running benchmark stack: its addresses, real Keycloak tokens, and plain JSON calls. */
public final class Stack {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:18080/realms/prevent-hub");
    public static final String TRAINING = System.getProperty("training", "http://localhost:8081");
    /** Training's management interface: health and metrics. */
    public static final String TRAINING_MANAGEMENT = System.getProperty("training-management", "http://localhost:9081");
    public static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");
    /** The local stack's mailbox page (every e-mail its SMTP server received). */
    public static final String MAILBOX = System.getProperty("mailbox", "http://localhost:13080/");

    private Stack() {
    }

    public static String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "prevent-hub-cli", "username", username,
                "password", "demo"));
    }

    public static String clientToken(String client, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    /**
     * A client's token that renews itself shortly before it expires (access tokens live 5 minutes; a benchmark
     * runs longer), for Gatling's {@code authorizationHeader(session -> ...)}.
     */
    public static java.util.function.Supplier<String> renewingClientToken(String client, String secret) {
        Map<String, String> form = Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret);
        return renewing(form);
    }

    public static java.util.function.Supplier<String> renewingUserToken(String username) {
        return renewing(Map.of("grant_type", "password", "client_id", "prevent-hub-cli", "username", username,
                "password", "demo"));
    }

    private static java.util.function.Supplier<String> renewing(Map<String, String> form) {
        return new java.util.function.Supplier<>() {
            private String token;
            private long renewAt;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() > renewAt) {
                    JsonNode answer = tokenAnswer(form);
                    token = answer.get("access_token").asText();
                    renewAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(
                            Math.max(10, answer.path("expires_in").asLong(60) - 30));
                }
                return token;
            }
        };
    }

    private static String token(Map<String, String> form) {
        return tokenAnswer(form).get("access_token").asText();
    }

    private static JsonNode tokenAnswer(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 200);
    }

    public static JsonNode post(String url, String token, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(), 0);
    }

    /** @param expected the status to expect, or 0 for any 2xx */
    public static JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ok = expected == 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
            if (!ok) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The course with this code, created if the stack (started without demo data) does not have it yet. */
    public static String ensureCourse(String code) {
        String trainer = userToken("trainer-wcc");
        for (JsonNode course : get(TRAINING + "/courses", trainer)) {
            if (course.path("code").asText().equals(code)) {
                return course.path("id").asText();
            }
        }
        return post(TRAINING + "/courses", trainer, Map.of("code", code, "title", "Prevent Update",
                "priority", "AWARENESS_LEARNING", "audience", "Staff of partner agencies", "durationMinutes", 90,
                "modes", java.util.List.of("IN_PERSON", "ONLINE"))).get("id").asText();
    }

    /** A course and an open session far in the future with room for every benchmark booking. */
    public static String bookableSession(int capacity) {
        String trainer = userToken("trainer-wcc");
        String code = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String course = post(TRAINING + "/courses", trainer, Map.of("code", code, "title", "Benchmark course",
                "priority", "AWARENESS_LEARNING", "audience", "Benchmark", "durationMinutes", 60,
                "modes", java.util.List.of("ONLINE"))).get("id").asText();
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now().plusDays(60).withNano(0);
        Map<String, Object> session = new java.util.HashMap<>();
        session.put("courseId", course);
        session.put("startsAt", start.toString());
        session.put("endsAt", start.plusHours(1).toString());
        session.put("mode", "ONLINE");
        session.put("onlineLink", "https://meet.example.org/bench");
        session.put("area", "county-wide");
        session.put("capacity", capacity);
        session.put("access", "OPEN");
        session.put("audienceSector", "OTHER");
        return post(TRAINING + "/sessions", trainer, session).get("id").asText();
    }

    /** How many e-mails the stack's SMTP server holds, read from its mailbox page; -1 if it cannot be read. */
    public static long mailboxCount() {
        try {
            String page = HTTP.send(HttpRequest.newBuilder(URI.create(MAILBOX)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+) message\\(s\\)").matcher(page);
            return count.find() ? Long.parseLong(count.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
