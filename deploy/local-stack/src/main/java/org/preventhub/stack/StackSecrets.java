package org.preventhub.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's own secrets: made at random on its first start and kept beside its data
 * ({@code .stack/secrets.properties}, readable by its owner only), since the data is encrypted with them. The
 * services refuse the repository's demonstration secrets outside the tests, and the local stack needs none.
 */
final class StackSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The field-encryption key id of each service that has one; a rotation would add another and make it active. */
    static final String REFERRAL_KEY_ID = "local1";
    static final String TRAINING_KEY_ID = "local1";
    static final String ENGAGEMENT_KEY_ID = "local1";
    static final String REPORTING_KEY_ID = "local1";

    private final Properties values;

    private StackSecrets(Properties values) {
        this.values = values;
    }

    static StackSecrets in(Path state) {
        Path file = state.resolve("secrets.properties");
        Properties values = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    values.load(in);
                }
            }
            boolean changed = false;
            for (String name : new String[] { "idempotency.training-service", "idempotency.referral-service",
                    "idempotency.engagement-service", "idempotency.reporting-service", "referral.database-password",
                    "referral.key." + REFERRAL_KEY_ID, "referral.index-key", "referral.pseudonym-key",
                    "training.key." + TRAINING_KEY_ID, "training.index-key", "engagement.key." + ENGAGEMENT_KEY_ID,
                    "engagement.index-key", "reporting.key." + REPORTING_KEY_ID }) {
                if (values.getProperty(name) == null) {
                    values.setProperty(name, random());
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(state);
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                try (Writer out = Files.newBufferedWriter(file)) {
                    values.store(out, "Secrets of this local stack: its data is encrypted with them. Not for any other deployment.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
        return new StackSecrets(values);
    }

    /** The environment that gives a service its secrets. */
    Map<String, String> environment(ServiceDefinition service) {
        Map<String, String> env = new HashMap<>();
        String idempotency = values.getProperty("idempotency." + service.name());
        if (idempotency != null) {
            env.put("HUB_IDEMPOTENCY_SECRET", idempotency);
        }
        if (service.name().equals("referral-service")) {
            env.put("REFERRAL_DB_PASSWORD", values.getProperty("referral.database-password"));
            env.put("HUB_REFERRAL_CRYPTO_ACTIVE_KEY_ID", REFERRAL_KEY_ID);
            env.put("HUB_REFERRAL_CRYPTO_KEYS_" + REFERRAL_KEY_ID.toUpperCase(java.util.Locale.ROOT),
                    values.getProperty("referral.key." + REFERRAL_KEY_ID));
            env.put("HUB_REFERRAL_CRYPTO_INDEX_KEY", values.getProperty("referral.index-key"));
            env.put("HUB_REFERRAL_CRYPTO_PSEUDONYM_KEY", values.getProperty("referral.pseudonym-key"));
        }
        if (service.name().equals("training-service")) {
            env.put("HUB_TRAINING_CRYPTO_ACTIVE_KEY_ID", TRAINING_KEY_ID);
            env.put("HUB_TRAINING_CRYPTO_KEYS_" + TRAINING_KEY_ID.toUpperCase(java.util.Locale.ROOT),
                    values.getProperty("training.key." + TRAINING_KEY_ID));
            env.put("HUB_TRAINING_CRYPTO_INDEX_KEY", values.getProperty("training.index-key"));
        }
        if (service.name().equals("engagement-service")) {
            env.put("HUB_ENGAGEMENT_CRYPTO_ACTIVE_KEY_ID", ENGAGEMENT_KEY_ID);
            env.put("HUB_ENGAGEMENT_CRYPTO_KEYS_" + ENGAGEMENT_KEY_ID.toUpperCase(java.util.Locale.ROOT),
                    values.getProperty("engagement.key." + ENGAGEMENT_KEY_ID));
            env.put("HUB_ENGAGEMENT_CRYPTO_INDEX_KEY", values.getProperty("engagement.index-key"));
        }
        if (service.name().equals("reporting-service")) {
            // Staff addresses for work reminders (action-plan items past their due date).
            env.put("HUB_REPORTING_CRYPTO_ACTIVE_KEY_ID", REPORTING_KEY_ID);
            env.put("HUB_REPORTING_CRYPTO_KEYS_" + REPORTING_KEY_ID.toUpperCase(java.util.Locale.ROOT),
                    values.getProperty("reporting.key." + REPORTING_KEY_ID));
        }
        return env;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
