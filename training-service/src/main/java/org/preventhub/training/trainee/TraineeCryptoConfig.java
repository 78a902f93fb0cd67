package org.preventhub.training.trainee;

import java.util.Map;
import java.util.Optional;

import org.preventhub.platform.config.DeploymentSecret;

import io.smallrye.config.ConfigMapping;

/**
 * The keys of trainees' personal data. Outside the tests and dev mode each must be the deployment's own
 * (DeploymentSecret): the service refuses to start without them or with the repository's demonstration values.
 */
@ConfigMapping(prefix = "hub.training.crypto")
public interface TraineeCryptoConfig {

    /** Key id to base64 AES-256 key. Old keys stay so old records can still be read. */
    @DeploymentSecret(env = "HUB_TRAINING_CRYPTO_KEYS_<KEY_ID>")
    Map<String, String> keys();

    /** The key new writes use. */
    String activeKeyId();

    /** Base64 key of the keyed hash that finds a trainee by e-mail address or name without decrypting the tables. */
    @DeploymentSecret(env = "HUB_TRAINING_CRYPTO_INDEX_KEY")
    Optional<String> indexKey();
}
