package org.preventhub.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Calls the suite through its gateway as a partner system would: a real Keycloak token, JSON in and out, and
 * the whole answer (status, headers, body) for the test to judge.
 */
final class SuiteClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final String gateway;

    SuiteClient(String gateway) {
        this.gateway = gateway;
    }

    record Answer(int status, Map<String, String> headers, String text) {
        JsonNode json() {
            try {
                return text.isBlank() ? ApiClient.JSON.nullNode() : ApiClient.JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected " + expected + " but got " + status + ": " + text);
            }
            return this;
        }
    }

    final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(Object value) {
            try {
                body = value instanceof String text ? text : ApiClient.JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
            return header("Content-Type", "application/json");
        }

        /** For binary answers (a PDF): the body's bytes, after checking the status. */
        byte[] sendForBytes(int expected) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                    .GET();
            headers.forEach(request::setHeader); // the caller's own win over the defaults (Accept)
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != expected) {
                    throw new AssertionError("Expected " + expected + " but got " + response.statusCode() + ": "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return response.body();
            } catch (IOException e) {
                throw new AssertionError("GET " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        Answer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::setHeader); // the caller's own win over the defaults (Accept)
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> answerHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> answerHeaders.put(k.toLowerCase(), String.join(",", v)));
                return new Answer(response.statusCode(), answerHeaders, response.body());
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call put(String path) {
        return new Call("PUT", path);
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }
}
