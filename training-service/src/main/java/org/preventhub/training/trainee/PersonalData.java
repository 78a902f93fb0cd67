package org.preventhub.training.trainee;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.crypto.KeyedHash;

/**
 * Trainees' personal data at rest: each field encrypted (AES-256-GCM, bound to its record and field) with the
 * training service's own keys, and found by keyed hash (the blind index of an e-mail address or a name), never by
 * its text. See README, "Security".
 */
@ApplicationScoped
public class PersonalData {

    private final FieldCipher cipher;
    private final KeyedHash index;

    public PersonalData(TraineeCryptoConfig config) {
        this.cipher = new FieldCipher(config.keys(), config.activeKeyId());
        this.index = new KeyedHash(config.indexKey().orElseThrow());
    }

    /** @param context the record and field, e.g. {@code booking/<id>/name} */
    public String seal(String value, String context) {
        return value == null ? null : cipher.encrypt(value, context);
    }

    public String open(String stored, String context) {
        return stored == null ? null : cipher.decrypt(stored, context);
    }

    /** The blind index of an e-mail address (whatever its case), or null without one. */
    public String emailIndex(String email) {
        return index.ofEmail(email);
    }

    /** The blind index of a name (whatever its case, spacing, accents and punctuation), or null without one. */
    public String nameIndex(String name) {
        return name == null || name.isBlank() ? null : index.ofName(name);
    }
}
