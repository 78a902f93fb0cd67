package org.preventhub.referral.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keyed hashes (HMAC-SHA-256): the blind index that finds a person by name without decrypting the table, and
 * the pseudonymous ids that events carry instead of referral ids. Without the keys neither can be reversed or
 * recomputed from a guess.
 */
@ApplicationScoped
public class KeyedHashes {

    private final byte[] indexKey;
    private final byte[] pseudonymKey;

    public KeyedHashes(CryptoConfig config) {
        this.indexKey = Base64.getDecoder().decode(config.indexKey().orElseThrow());
        this.pseudonymKey = Base64.getDecoder().decode(config.pseudonymKey().orElseThrow());
    }

    /** The same for "Sam  O'Neill", "sam oneill", "Sám O’Neill" and "Sam O-Neill": letters and digits only. */
    public String nameIndex(String name) {
        return name == null ? null : hmac(indexKey, normalise(name));
    }

    public String pseudonym(UUID referralId) {
        return hmac(pseudonymKey, "referral:" + referralId).substring(0, 32);
    }

    static String normalise(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
