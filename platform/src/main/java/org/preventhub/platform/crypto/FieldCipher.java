package org.preventhub.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of personal fields (AES-256-GCM). A value is stored as
 * {@code v1.<key id>.<base64(iv || ciphertext || tag)>}: the key id lets keys rotate while old records stay
 * readable. The associated data binds each value to its record and field, so a ciphertext copied into another
 * row or column fails to decrypt instead of passing for someone else's data.
 *
 * <p>Not a bean: each service that holds personal data makes one from its own keys (its configuration's
 * {@code @DeploymentSecret}s), so no service can read another's fields.
 */
public final class FieldCipher {

    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param configured key id to base64 AES-256 key */
    public FieldCipher(Map<String, String> configured, String activeKeyId) {
        configured.forEach((id, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length != 32) {
                throw new IllegalArgumentException("Encryption key " + id + " must be 32 bytes (AES-256)");
            }
            if (id.contains(".")) {
                throw new IllegalArgumentException("Key ids cannot contain '.'");
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        });
        this.activeKeyId = activeKeyId;
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active encryption key " + activeKeyId + " is not configured");
        }
    }

    /** @param context the record and field the value belongs to, e.g. {@code referral/<id>/name} */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + "." + activeKeyId + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            throw new IllegalStateException("Not an encrypted value");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Encryption key " + parts[1] + " is no longer configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored value failed its integrity check", e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }
}
