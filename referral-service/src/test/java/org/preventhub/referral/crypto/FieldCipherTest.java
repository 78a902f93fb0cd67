package org.preventhub.referral.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.crypto.FieldCipher;

/** Rotation without Quarkus: the cipher as a deployment that changes its active key sees it. */
class FieldCipherTest {

    private static final String OLD = "cHJldmVudC1odWItcmV0aXJlZC10ZXN0LWtleS0wMjU=";
    private static final String NEW = "cHJldmVudC1odWItZGVtby1lbmNyeXB0aW9uLWtleTE=";
    private static final String CONTEXT = "referral/00000000-0000-0000-0000-000000000001/name";

    private static FieldCipher cipher(String active, Map<String, String> keys) {
        return new FieldCipher(keys, active);
    }

    @Test
    void afterTheActiveKeyChangesOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        String written = cipher("2025-01", Map.of("2025-01", OLD)).encrypt("Jamie Example", CONTEXT);
        assertThat(written).startsWith("v1.2025-01.");

        FieldCipher rotated = cipher("2026-11", Map.of("2025-01", OLD, "2026-11", NEW));
        assertThat(rotated.decrypt(written, CONTEXT)).isEqualTo("Jamie Example");
        String rewritten = rotated.encrypt("Jamie Example", CONTEXT);
        assertThat(rewritten).startsWith("v1.2026-11.");
        assertThat(rotated.decrypt(rewritten, CONTEXT)).isEqualTo("Jamie Example");

        // Dropping the old key too soon is loud, not a silent null.
        assertThatThrownBy(() -> cipher("2026-11", Map.of("2026-11", NEW)).decrypt(written, CONTEXT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2025-01 is no longer configured");
        assertThatThrownBy(() -> cipher("2027-01", Map.of("2026-11", NEW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not configured");
    }

    @Test
    void aValueDecryptsOnlyUnderItsOwnKeyAndContext() {
        FieldCipher rotated = cipher("2026-11", Map.of("2025-01", OLD, "2026-11", NEW));
        String written = rotated.encrypt("Jamie Example", CONTEXT);
        String relabelled = written.replace("v1.2026-11.", "v1.2025-01.");
        assertThatThrownBy(() -> rotated.decrypt(relabelled, CONTEXT)).hasMessageContaining("integrity");
        assertThatThrownBy(() -> rotated.decrypt(written, CONTEXT.replace("/name", "/prompt"))).hasMessageContaining("integrity");
    }
}
