package org.preventhub.referral.crypto;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.crypto.KeyedHash;

/**
 * Keyed hashes (HMAC-SHA-256): the blind index that finds a person by name without decrypting the table, and
 * the pseudonymous ids that events carry instead of referral ids. Without the keys neither can be reversed or
 * recomputed from a guess.
 */
@ApplicationScoped
public class KeyedHashes {

    private final KeyedHash index;
    private final KeyedHash pseudonyms;

    public KeyedHashes(CryptoConfig config) {
        this.index = new KeyedHash(config.indexKey().orElseThrow());
        this.pseudonyms = new KeyedHash(config.pseudonymKey().orElseThrow());
    }

    /** The same for "Sam  O'Neill", "sam oneill", "Sám O’Neill" and "Sam O-Neill": letters and digits only. */
    public String nameIndex(String name) {
        return name == null ? null : index.of(KeyedHash.normaliseName(name));
    }

    public String pseudonym(UUID referralId) {
        return pseudonyms.of("referral:" + referralId).substring(0, 32);
    }

    /** The fields' cipher, from the service's keys (one for the service; see FieldCipher). */
    @Produces
    @Singleton
    static FieldCipher fieldCipher(CryptoConfig config) {
        return new FieldCipher(config.keys(), config.activeKeyId());
    }
}
