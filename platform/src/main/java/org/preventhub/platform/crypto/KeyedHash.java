package org.preventhub.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA-256, hex): the blind index that finds a record by a personal value (a name, an e-mail
 * address) without decrypting the table, or a pseudonym. Without the key it can be neither reversed nor recomputed
 * from a guess. Not a bean: each service makes its own from its own key.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    /** @param base64Key base64; make one of 32 bytes ({@code openssl rand -base64 32}) */
    public KeyedHash(String base64Key) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256");
    }

    public String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index of a name: the same for "Sam  O'Neill", "sam oneill", "Sám O’Neill" and "Sam O-Neill". */
    public String ofName(String name) {
        return name == null ? null : of("name:" + normaliseName(name));
    }

    /** The index of an e-mail address, whatever its case and surrounding spaces. */
    public String ofEmail(String email) {
        return email == null || email.isBlank() ? null : of("email:" + email.strip().toLowerCase(Locale.ROOT));
    }

    /** Letters and digits only, accents removed, lower case. */
    public static String normaliseName(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
