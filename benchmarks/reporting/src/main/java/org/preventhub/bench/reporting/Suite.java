package org.preventhub.bench.reporting;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The running local stack's reporting service, called with real Keycloak tokens of the demo users. */
final class Suite {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:18080/realms/prevent-hub");
    static final String REPORTING = System.getProperty("reporting", "http://localhost:8084");
    /** Reporting's management interface: health and metrics. */
    static final String REPORTING_MANAGEMENT = System.getProperty("reporting-management", "http://localhost:9084");
    static final String KAFKA = System.getProperty("kafka", "localhost:19092");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Access tokens live five minutes: taken again after one. */
    private static final long TOKEN_AGE_MS = 60_000;
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, Long> TAKEN = new HashMap<>();

    private Suite() {
    }

    static synchronized String token(String user) {
        Long taken = TAKEN.get(user);
        if (taken == null || System.currentTimeMillis() - taken > TOKEN_AGE_MS) {
            String form = "grant_type=password&client_id=prevent-hub-cli&password=demo&username="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8);
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            TOKENS.put(user, json(answer).get("access_token").asText());
            TAKEN.put(user, System.currentTimeMillis());
        }
        return TOKENS.get(user);
    }

    /** GET as {@code user}; any status, so callers can time and check it. */
    static HttpResponse<String> get(String path, String user, String accept) {
        return send(HttpRequest.newBuilder(URI.create(REPORTING + path)).header("Authorization", "Bearer " + token(user))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).GET().build());
    }

    static JsonNode getJson(String path, String user) {
        HttpResponse<String> response = get(path, user, "application/json");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    static JsonNode post(String path, String user) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(REPORTING + path))
                .header("Authorization", "Bearer " + token(user)).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** A value of the service's Prometheus metrics (with a label matching {@code labelPattern}, if given), or NaN. */
    static double metric(String name, String labelPattern) {
        String body = send(HttpRequest.newBuilder(URI.create(REPORTING_MANAGEMENT + "/q/metrics")).GET().build()).body();
        String labels = labelPattern.isEmpty() ? "(?:\\{[^}]*})?" : "\\{[^}]*" + labelPattern + "[^}]*}";
        Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + labels + "\\s+([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(REPORTING_MANAGEMENT + "/q/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }
}
