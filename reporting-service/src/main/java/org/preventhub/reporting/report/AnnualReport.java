package org.preventhub.reporting.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.indicator.Figures.Series;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** The annual report, organised as the seed report is: one section per priority, figures, then actions. */
@Schema(description = "The annual report for a period.")
public record AnnualReport(@Schema(maxLength = 300) String title, ReportingPeriod period, Instant generatedAt,
        @Schema(description = "Small counts about people referred are hidden ([c]) in this copy.") boolean disclosureControlled,
        @Schema(maxItems = 6) List<Section> sections,
        @Schema(description = "Titles for the codes in breakdowns, by dimension (course code to course title, priority "
                + "code to priority title); a code without one is shown in words.")
        Map<String, Map<String, @Size(max = 300) String>> labels) {

    public AnnualReport(String title, ReportingPeriod period, Instant generatedAt, boolean disclosureControlled,
            List<Section> sections) {
        this(title, period, generatedAt, disclosureControlled, sections, Map.of());
    }

    /** Dimensions whose keys are names (an organisation, a governance body, a funder), shown as they are. */
    private static final java.util.Set<String> NAMES = java.util.Set.of("organisation", "body", "funder");

    /** The title of {@code key} in {@code dimension}: its recorded title, or the code in words ("Face to face"). */
    public String label(String dimension, String key) {
        if (NAMES.contains(dimension) && key != null) {
            return key; // a name, as registered or written, not a code
        }
        String title = labels == null ? null : labels.getOrDefault(dimension, Map.of()).get(key);
        return title != null ? title : inWords(key);
    }

    static String inWords(String code) {
        if (code == null || code.isBlank()) {
            return "Not recorded";
        }
        boolean slug = code.equals(code.toLowerCase(java.util.Locale.ROOT));
        String[] words = code.toLowerCase(java.util.Locale.ROOT).split("[-_ ]+");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            // Place names come as lower-case slugs ("stratford-on-avon"): each word capitalised but the small ones.
            boolean capital = i == 0 || slug && !java.util.Set.of("on", "upon", "and", "the", "of", "in").contains(w);
            text.append(i == 0 ? "" : " ").append(capital && !w.isEmpty() ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return text.toString();
    }

    public record Section(int number, @Schema(maxLength = 40) String priority, @Schema(maxLength = 300) String title,
            @Schema(maxLength = 500) String aim, List<IndicatorValues> indicators,
            @Schema(description = "Cross-tabulations of the section's indicators (the first each indicator lists).")
            List<IndicatorValues> crossTabulations,
            Series trend, List<ActionView> actions) {
    }
}
