package org.preventhub.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The suite's merged OpenAPI document ({@link SuiteDocument}) passes the OWASP API Security ruleset
 * (tools/spectral/.spectral.yaml) with no error and no warning. Spectral is installed from the lock file the first
 * time (npm ci).
 */
class SuiteOpenApiLintTest {

    private static final ObjectMapper MAPPER = SuiteDocument.MAPPER;

    private static Path root;
    private static ObjectNode suite;
    private static Path written;

    @BeforeAll
    static void mergeTheServicesDocumentsAsTheGatewayDoes() {
        root = SuiteDocument.root();
        suite = SuiteDocument.merged();
        written = SuiteDocument.written();
    }

    @Test
    void theMergedDocumentPassesTheOwaspRulesetWithNoErrorAndNoWarning() throws Exception {
        Path tools = root.resolve("tools/spectral");
        if (!Files.isDirectory(tools.resolve("node_modules/@stoplight/spectral-cli"))) {
            run(tools, 300, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        }
        Path report = written.resolveSibling("spectral.json");
        Files.deleteIfExists(report);
        run(tools, 120, "npx", "--no-install", "spectral", "lint", "--ruleset", ".spectral.yaml", "--format", "json",
                "--output", report.toString(), "--fail-severity", "error", written.toString());
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : MAPPER.readTree(report.toFile())) {
            if (finding.path("severity").asInt() <= 1) { // 0 error, 1 warning; 2 information, 3 hint
                List<String> path = new ArrayList<>();
                finding.path("path").forEach(p -> path.add(p.asText()));
                findings.add((finding.path("severity").asInt() == 0 ? "error " : "warning ") + finding.path("code").asText()
                        + " at " + String.join(" > ", path) + ": " + finding.path("message").asText());
            }
        }
        assertThat(findings).as("Spectral's errors and warnings on " + written).isEmpty();
    }

    @Test
    void everyOperationNeedsABearerTokenAndDocumentsTheGatewaysLimits() {
        List<String> missing = new ArrayList<>();
        suite.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!operation.path("security").toString().contains("\"bearer\"")) {
                missing.add(name + ": security");
            }
            JsonNode tooMany = operation.path("responses").path("429");
            if (!tooMany.path("headers").has("Retry-After")
                    || !tooMany.path("content").path("application/problem+json").path("schema").path("$ref").asText()
                            .endsWith("/Problem")) {
                missing.add(name + ": 429");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (!response.getValue().path("headers").has("RateLimit-Remaining")) {
                    missing.add(name + " " + response.getKey() + ": RateLimit-Remaining");
                }
            });
        }));
        assertThat(missing).isEmpty();
        assertThat(suite.path("components").path("headers").path("RateLimit-Limit").path("schema").path("maximum").asInt())
                .as("the largest configured burst (the booking website's)").isEqualTo(400);
        assertThat(suite.path("servers").get(0).path("url").asText()).isEqualTo("/");
    }

    private static void run(Path directory, long timeoutSeconds, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("SCARF_ANALYTICS", "false");
        builder.environment().put("NPM_CONFIG_UPDATE_NOTIFIER", "false");
        Path log = Files.createTempFile("spectral", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        // spectral exits 1 when it finds errors: the report says which, and the assertion above lists them.
        if (process.exitValue() != 0 && !(command[0].equals("npx") && process.exitValue() == 1)) {
            throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
        }
    }
}
