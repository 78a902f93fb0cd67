package org.preventhub.platform.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The secrets the repository ships for the tests and dev mode (in {@code %dev,test.} properties) all carry the
 * marker {@value #MARKER}, as text or in their base64-decoded bytes, so a copy of one is recognised wherever it is
 * set (an environment variable, a Kubernetes Secret made from the repository's files). A random key carries it by
 * chance with negligible probability.
 */
public final class DemonstrationSecrets {

    public static final String MARKER = "prevent-hub-demo";

    private DemonstrationSecrets() {
    }

    public static boolean isDemonstration(String value) {
        if (value == null) {
            return false;
        }
        if (value.toLowerCase(Locale.ROOT).contains(MARKER)) {
            return true;
        }
        try {
            return new String(Base64.getDecoder().decode(value.trim()), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT).contains(MARKER);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
