package org.preventhub.reporting.projection;

import java.util.List;
import java.util.Map;

/**
 * The Home Office's categories of a referral, as the referral service sends them. Its events carry them since
 * December 2026; for one written before, they are worked out here from the local codes it holds, with the mapping the
 * referral service had then (its default vocabulary), so a rebuild from old events gives what migration
 * V2026_12_07_40 gave the rows projected before.
 */
final class HomeOfficeCategories {

    private static final Map<String, String> CONCERNS = Map.of("NO_IDEOLOGY", "VULNERABILITY_NO_IDEOLOGY",
            "ISLAMIST", "ISLAMIST", "EXTREME_RIGHT_WING", "EXTREME_RIGHT_WING",
            "MIXED_UNCLEAR_UNSTABLE", "MIXED_UNCLEAR_UNSTABLE");
    private static final Map<String, String> AGE_BANDS = Map.of("15-17", "15-20", "18-20", "15-20");

    private HomeOfficeCategories() {
    }

    static String concern(String sent, List<String> concerns) {
        if (sent != null) {
            return sent;
        }
        return concerns.isEmpty() ? null : CONCERNS.getOrDefault(concerns.get(0), "OTHER");
    }

    static String ageBand(String sent, String localBand) {
        if (sent != null) {
            return sent;
        }
        return localBand == null ? null : AGE_BANDS.getOrDefault(localBand, localBand);
    }
}
