package org.preventhub.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * PDF/UA-1 (ISO 14289-1) as veraPDF checks it: every machine-checkable rule of its PDF/UA-1 profile (the Matterhorn
 * Protocol's failure conditions that need no human judgement, such as whether an alt text is apt).
 */
public final class PdfUa {

    /** A rule the PDF breaks: its clause of ISO 14289-1, veraPDF's test number, what it asks, and how often. */
    public record Failure(String clause, int test, String description, int count) {

        public String rule() {
            return clause + "-" + test;
        }

        @Override
        public String toString() {
            return rule() + " (" + count + "×): " + description;
        }
    }

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {
    }

    /** The PDF/UA-1 rules the PDF fails, by clause and test number; none for a conforming file. */
    public static List<Failure> failures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1)) {
            ValidationResult result = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false).validate(parser);
            List<Failure> failures = result.getFailedChecks().entrySet().stream().map(e -> failure(result, e))
                    .sorted(Comparator.comparing(Failure::clause).thenComparing(Failure::test)).toList();
            assertThat(failures.isEmpty()).as("veraPDF's verdict agrees with its list of failed rules")
                    .isEqualTo(result.isCompliant());
            return failures;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF", e);
        }
    }

    /** Fails, naming each broken rule, unless the PDF passes every PDF/UA-1 rule. */
    public static void assertConforms(byte[] pdf, String what) {
        List<Failure> failures = failures(pdf);
        assertThat(failures).as(what + " against PDF/UA-1 (veraPDF): failed rules\n"
                + String.join("\n", failures.stream().map(Failure::toString).toList())).isEmpty();
    }

    private static Failure failure(ValidationResult result, Map.Entry<RuleId, Integer> failed) {
        RuleId id = failed.getKey();
        Rule rule = result.getValidationProfile().getRuleByRuleId(id);
        return new Failure(id.getClause(), id.getTestNumber(), rule == null ? "(not in the profile)" : rule.getDescription(),
                failed.getValue());
    }
}
