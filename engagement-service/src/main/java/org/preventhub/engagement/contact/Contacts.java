package org.preventhub.engagement.contact;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.crypto.KeyedHash;

/**
 * Contacts' personal data at rest: each field encrypted (AES-256-GCM, bound to its organisation and field) with the
 * engagement service's own keys, and found by keyed hash, never by its text. See README, "Security".
 */
@ApplicationScoped
public class Contacts {

    /** A partner organisation's contact, decrypted; all null once erased (or never given). */
    public record Contact(String name, String email, String phone) {
    }

    private final FieldCipher cipher;
    private final KeyedHash index;

    public Contacts(ContactCryptoConfig config) {
        this.cipher = new FieldCipher(config.keys(), config.activeKeyId());
        this.index = new KeyedHash(config.indexKey().orElseThrow());
    }

    public String seal(String value, String context) {
        return value == null ? null : cipher.encrypt(value, context);
    }

    public String open(String stored, String context) {
        return stored == null ? null : cipher.decrypt(stored, context);
    }

    public String emailIndex(String email) {
        return index.ofEmail(email);
    }

    public String nameIndex(String name) {
        return name == null || name.isBlank() ? null : index.ofName(name);
    }
}
