package org.preventhub.referral.crypto;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "hub.referral.crypto")
public interface CryptoConfig {

    /** Key id to base64 AES-256 key. Old keys stay so old records can still be read. */
    Map<String, String> keys();

    /** The key new writes use. */
    String activeKeyId();

    /** Base64 key of the keyed hash that lets the Prevent lead search names without decrypting the table. */
    String indexKey();

    /** Base64 key of the keyed hash that makes the pseudonymous ids of events. */
    String pseudonymKey();
}
