package org.preventhub.engagement.contact;

import java.util.Map;
import java.util.Optional;

import org.preventhub.platform.config.DeploymentSecret;

import io.smallrye.config.ConfigMapping;

/**
 * The keys of partner organisations' contacts. Outside the tests and dev mode each must be the deployment's own
 * (DeploymentSecret): the service refuses to start without them or with the repository's demonstration values.
 */
@ConfigMapping(prefix = "hub.engagement.crypto")
public interface ContactCryptoConfig {

    /** Key id to base64 AES-256 key. Old keys stay so old records can still be read. */
    @DeploymentSecret(env = "HUB_ENGAGEMENT_CRYPTO_KEYS_<KEY_ID>")
    Map<String, String> keys();

    /** The key new writes use. */
    String activeKeyId();

    /** Base64 key of the keyed hash that finds a contact by e-mail address or name without decrypting the table. */
    @DeploymentSecret(env = "HUB_ENGAGEMENT_CRYPTO_INDEX_KEY")
    Optional<String> indexKey();
}
