package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.infra.FreePorts;

/**
 * A built service started as a deployment starts it (the production profile) refuses to run without its own secrets
 * or with the demonstration values the repository ships for the tests, and says which variable to set. It stops while
 * reading its configuration: before it touches a database or opens a port (none is reachable here).
 */
class DemonstrationSecretsIT {

    private static final Path ROOT = Path.of(System.getProperty("prevent-hub.root", "../..")).toAbsolutePath().normalize();

    @Test
    void theReferralServiceRefusesToStartWithoutItsOwnKeysAndSaysWhichToSet() throws Exception {
        String output = refusedStart("referral-service", Map.of());
        assertThat(output).contains("HUB_IDEMPOTENCY_SECRET", "REFERRAL_DB_PASSWORD", "is not set",
                "hub.referral.crypto.active-key-id");
    }

    @Test
    void theReferralServiceRefusesEveryDemonstrationSecretTheRepositoryShipsWhereverItIsSet() throws Exception {
        Map<String, String> copied = new HashMap<>();
        copied.put("HUB_IDEMPOTENCY_SECRET", demonstrationValue("platform", "hub.idempotency.secret"));
        copied.put("REFERRAL_DB_PASSWORD", demonstrationValue("referral-service", "hub.referral.database.password"));
        copied.put("HUB_REFERRAL_CRYPTO_ACTIVE_KEY_ID", "demo-1");
        copied.put("HUB_REFERRAL_CRYPTO_KEYS_DEMO_1", demonstrationValue("referral-service", "hub.referral.crypto.keys.demo-1"));
        copied.put("HUB_REFERRAL_CRYPTO_INDEX_KEY", demonstrationValue("referral-service", "hub.referral.crypto.index-key"));
        copied.put("HUB_REFERRAL_CRYPTO_PSEUDONYM_KEY",
                demonstrationValue("referral-service", "hub.referral.crypto.pseudonym-key"));

        String output = refusedStart("referral-service", copied);
        for (String variable : List.of("HUB_IDEMPOTENCY_SECRET", "REFERRAL_DB_PASSWORD", "HUB_REFERRAL_CRYPTO_KEYS_",
                "HUB_REFERRAL_CRYPTO_INDEX_KEY", "HUB_REFERRAL_CRYPTO_PSEUDONYM_KEY")) {
            assertThat(output).containsPattern(variable + "[^\\n]*must be this deployment's own secret");
        }
        assertThat(output).contains("is a demonstration value from the repository");
        // The values themselves are never printed.
        copied.values().forEach(value -> assertThat(output).doesNotContain(value));
    }

    @Test
    void theTrainingAndEngagementServicesRefuseToStartWithoutTheirOwnPersonalDataKeys() throws Exception {
        for (String service : List.of("training", "engagement")) {
            String module = service + "-service";
            String prefix = "HUB_" + service.toUpperCase() + "_CRYPTO_";
            assertThat(refusedStart(module, Map.of())).as(module).contains("hub." + service + ".crypto.active-key-id");
            // With the key's id alone, the keys themselves are named.
            assertThat(refusedStart(module, Map.of(prefix + "ACTIVE_KEY_ID", "k2026a"))).as(module)
                    .containsPattern(prefix + "KEYS_[^\\n]*must be this deployment's own secret")
                    .containsPattern(prefix + "INDEX_KEY[^\\n]*must be this deployment's own secret");
        }
    }

    @Test
    void theTrainingAndEngagementServicesRefuseTheDemonstrationKeysTheRepositoryShips() throws Exception {
        for (String service : List.of("training", "engagement")) {
            String module = service + "-service";
            String prefix = "HUB_" + service.toUpperCase() + "_CRYPTO_";
            Map<String, String> copied = new HashMap<>();
            copied.put("HUB_IDEMPOTENCY_SECRET", demonstrationValue("platform", "hub.idempotency.secret"));
            copied.put(prefix + "ACTIVE_KEY_ID", "demo-1");
            copied.put(prefix + "KEYS_DEMO_1", demonstrationValue(module, "hub." + service + ".crypto.keys.demo-1"));
            copied.put(prefix + "INDEX_KEY", demonstrationValue(module, "hub." + service + ".crypto.index-key"));
            String output = refusedStart(module, copied);
            for (String variable : List.of(prefix + "KEYS_", prefix + "INDEX_KEY")) {
                assertThat(output).as(module).containsPattern(variable + "[^\\n]*must be this deployment's own secret");
            }
            // The values themselves are never printed (the key id is no secret).
            copied.values().stream().filter(value -> !value.equals("demo-1"))
                    .forEach(value -> assertThat(output).doesNotContain(value));
        }
    }

    @Test
    void theReportingServiceRefusesToStartWithoutItsOwnKeyForStaffAddressesOrWithTheDemonstrationOne() throws Exception {
        assertThat(refusedStart("reporting-service", Map.of())).contains("hub.reporting.crypto.active-key-id");
        Map<String, String> copied = new HashMap<>();
        copied.put("HUB_IDEMPOTENCY_SECRET", demonstrationValue("platform", "hub.idempotency.secret"));
        copied.put("HUB_REPORTING_CRYPTO_ACTIVE_KEY_ID", "demo-1");
        copied.put("HUB_REPORTING_CRYPTO_KEYS_DEMO_1",
                demonstrationValue("reporting-service", "hub.reporting.crypto.keys.demo-1"));
        String output = refusedStart("reporting-service", copied);
        assertThat(output).containsPattern("HUB_REPORTING_CRYPTO_KEYS_[^\\n]*must be this deployment's own secret");
        copied.values().stream().filter(value -> !value.equals("demo-1"))
                .forEach(value -> assertThat(output).doesNotContain(value));
    }

    @Test
    void everyOtherServiceRefusesToStartWithoutItsIdempotencySecret() throws Exception {
        for (String service : List.of("training-service", "engagement-service", "reporting-service")) {
            assertThat(refusedStart(service, Map.of())).as(service).contains("HUB_IDEMPOTENCY_SECRET", "is not set");
        }
    }

    /** Starts the service's built jar in the production profile and returns what it printed before it exited. */
    private static String refusedStart(String module, Map<String, String> environment) throws Exception {
        Path log = Files.createTempFile(ROOT.resolve("deploy/local-stack/target"), module + "-secrets-", ".log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("HUB_") || name.startsWith("REFERRAL_")
                || name.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        int port = FreePorts.next();
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(FreePorts.next()));
        // Nothing listens here: a service that got as far as its database would fail differently.
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + FreePorts.next() + "/none");
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(module + " exits").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("Configuration validation failed").doesNotContain("Unable to obtain connection", "Listening on");
        assertThat(FreePorts.isInUse(port)).isFalse();
        return output;
    }

    /** The value the repository ships for the tests and dev mode (a {@code %dev,test.} property). */
    private static String demonstrationValue(String module, String property) throws IOException {
        Path file = ROOT.resolve(module).resolve(module.equals("platform")
                ? "src/main/resources/META-INF/microprofile-config.properties"
                : "src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        String value = properties.getProperty("%dev,test." + property, properties.getProperty("%test." + property));
        assertThat(value).as(property + " in " + file).isNotBlank();
        return value;
    }
}
