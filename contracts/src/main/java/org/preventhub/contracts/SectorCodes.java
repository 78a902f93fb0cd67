package org.preventhub.contracts;

import java.util.Map;

/**
 * Sectors in events are codes of the deployment's one sector vocabulary ({@code hub.reference.sectors}), the same
 * for every service. Events written before it was one carry training's earlier codes: read them with
 * {@link #current}. {@code CRIMINAL_JUSTICE} (prisons and probation together) is no longer given to new records, but
 * the records and events made with it keep it: which of the two each was cannot be told from them.
 */
public final class SectorCodes {

    /** Earlier code to the code of the same sector now. */
    public static final Map<String, String> RENAMED = Map.of("VOLUNTARY_COMMUNITY", "COMMUNITY");

    private SectorCodes() {
    }

    /** The code as the vocabulary names the sector now (null stays null). */
    public static String current(String code) {
        return code == null ? null : RENAMED.getOrDefault(code, code);
    }
}
