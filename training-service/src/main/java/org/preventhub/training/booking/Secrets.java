package org.preventhub.training.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Booking references people can read out, and cancellation secrets kept only as hashes. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    // No 0/O, 1/I/L, U: references are read over the phone.
    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    private Secrets() {
    }

    static String reference() {
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)];
        }
        return new String(chars);
    }

    static String secret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hash of a secret nobody holds: a reference with no booking is checked against it, so that it costs what
     * a wrong secret costs.
     */
    static final String NO_BOOKING = hash(secret());

    static boolean matches(String secret, String expectedHash) {
        if (secret == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
