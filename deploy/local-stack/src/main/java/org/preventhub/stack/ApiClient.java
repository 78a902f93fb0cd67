package org.preventhub.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Calls a service's REST API with a role's token, as any client of the suite would. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Tokens tokens;

    ApiClient(Tokens tokens) {
        this.tokens = tokens;
    }

    JsonNode get(String url, String role) {
        return send("GET", url, role, null, null);
    }

    JsonNode post(String url, String role, Object body) {
        return send("POST", url, role, body, null);
    }

    /**
     * @param expectedStatus null for any 2xx
     */
    JsonNode send(String method, String url, String role, Object body, Integer expectedStatus) {
        return send(method, url, role, body, expectedStatus, java.util.Map.of());
    }

    /** @param headers further request headers, e.g. the purpose of a read of personal data */
    JsonNode send(String method, String url, String role, Object body, Integer expectedStatus,
            java.util.Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens.forRole(role))
                    .header("Accept", "application/json");
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String json = body instanceof String text ? text : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = expectedStatus == null ? response.statusCode() / 100 == 2 : response.statusCode() == expectedStatus;
            if (!ok) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
