package org.preventhub.reporting.reminder;

import java.util.Map;

import org.preventhub.platform.config.DeploymentSecret;

import io.smallrye.config.ConfigMapping;

/**
 * The keys of the staff addresses work reminders go to (the only personal data this service keeps). Outside the
 * tests and dev mode each must be the deployment's own (DeploymentSecret): the service refuses to start without them
 * or with the repository's demonstration values.
 */
@ConfigMapping(prefix = "hub.reporting.crypto")
public interface ReminderCryptoConfig {

    /** Key id to base64 AES-256 key. Old keys stay so old addresses can still be read. */
    @DeploymentSecret(env = "HUB_REPORTING_CRYPTO_KEYS_<KEY_ID>")
    Map<String, String> keys();

    /** The key new writes use. */
    String activeKeyId();
}
