package org.preventhub.referral.crypto;

import java.util.Map;
import java.util.Optional;

import org.preventhub.platform.config.DeploymentSecret;

import io.smallrye.config.ConfigMapping;

/**
 * The referral service's keys. Outside the tests and dev mode each must be the deployment's own (DeploymentSecret):
 * the service refuses to start without them or with the repository's demonstration values.
 */
@ConfigMapping(prefix = "hub.referral.crypto")
public interface CryptoConfig {

    /** Key id to base64 AES-256 key. Old keys stay so old records can still be read. */
    @DeploymentSecret(env = "HUB_REFERRAL_CRYPTO_KEYS_<KEY_ID>")
    Map<String, String> keys();

    /** The key new writes use. */
    String activeKeyId();

    /** Base64 key of the keyed hash that lets the Prevent lead search names without decrypting the table. */
    @DeploymentSecret(env = "HUB_REFERRAL_CRYPTO_INDEX_KEY")
    Optional<String> indexKey();

    /** Base64 key of the keyed hash that makes the pseudonymous ids of events. */
    @DeploymentSecret(env = "HUB_REFERRAL_CRYPTO_PSEUDONYM_KEY")
    Optional<String> pseudonymKey();
}
