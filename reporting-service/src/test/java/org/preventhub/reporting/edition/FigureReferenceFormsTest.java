package org.preventhub.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** The forms a figure reference may take, and the normal form its frozen figures are kept under. */
class FigureReferenceFormsTest {

    @Test
    void readsAQuotedKeyAndAPeriodOfItsOwn() {
        FigureReferences.Reference r = FigureReferences.in(
                "Trained {{training.people-trained by=organisation key=\"Coventry and Warwickshire CCG\" "
                        + "from=2019-04-01 to=2020-03-31}} staff").get(0);
        assertThat(r).isEqualTo(new FigureReferences.Reference("training.people-trained", "organisation",
                "Coventry and Warwickshire CCG", "2019-04-01", "2020-03-31"));
        assertThat(r.id()).isEqualTo("training.people-trained by=organisation key=\"Coventry and Warwickshire CCG\" "
                + "from=2019-04-01 to=2020-03-31");
        ReportingPeriod own = r.period(ReportingPeriod.reportingYear(2025));
        assertThat(own.from()).isEqualTo(LocalDate.of(2019, 4, 1));
        assertThat(own.to()).isEqualTo(LocalDate.of(2020, 3, 31));
    }

    @Test
    void referencesOfTheFormsBeforeKeepTheirNormalFormSoPublishedEditionsFindTheirFigures() {
        assertThat(FigureReferences.in("{{ referrals.received }}").get(0).id()).isEqualTo("referrals.received");
        assertThat(FigureReferences.in("{{training.people-trained by=course key=WRAP}}").get(0).id())
                .isEqualTo("training.people-trained by=course key=WRAP");
        // A quoted key that needs no quotes is the same reference as the unquoted one.
        assertThat(FigureReferences.in("{{training.people-trained by=course key=\"WRAP\"}}").get(0).id())
                .isEqualTo("training.people-trained by=course key=WRAP");
        ReportingPeriod edition = ReportingPeriod.reportingYear(2025);
        assertThat(FigureReferences.in("{{referrals.received}}").get(0).period(edition)).isEqualTo(edition);
        // The period forms, and a one-dimension key with a comma: still one key, written as it always was.
        assertThat(FigureReferences.in("{{referrals.received  from=2019-04-01 to=2020-03-31 }}").get(0).id())
                .isEqualTo("referrals.received from=2019-04-01 to=2020-03-31");
        assertThat(FigureReferences.in("{{training.people-trained by=course key=WRAP from=2019-04-01 to=2020-03-31}}")
                .get(0).id()).isEqualTo("training.people-trained by=course key=WRAP from=2019-04-01 to=2020-03-31");
        FigureReferences.Reference comma = FigureReferences.in("{{training.people-trained by=organisation key=Smith,Jones}}")
                .get(0);
        assertThat(comma.keys()).containsExactly("Smith,Jones");
        assertThat(comma.id()).isEqualTo("training.people-trained by=organisation key=Smith,Jones");
        assertThat(FigureReferences.in("{{training.people-trained by=organisation key=\"Smith, Jones\"}}").get(0).id())
                .isEqualTo("training.people-trained by=organisation key=\"Smith, Jones\"");
    }

    @Test
    void readsACrossTabulationsCellPartByPartAPartWithASpaceOrACommaInQuotes() {
        FigureReferences.Reference plain = FigureReferences.in(
                "{{referrals.received by=concern_type,age_band key=ISLAMIST,15-17}}").get(0);
        assertThat(plain).isEqualTo(new FigureReferences.Reference("referrals.received", "concern_type,age_band",
                List.of("ISLAMIST", "15-17"), null, null));
        assertThat(plain.id()).isEqualTo("referrals.received by=concern_type,age_band key=ISLAMIST,15-17");

        FigureReferences.Reference quoted = FigureReferences.in("Trained {{training.people-trained by=course,area "
                + "key=WRAP,\"Stratford, upon Avon\" from=2019-04-01 to=2020-03-31}} people").get(0);
        assertThat(quoted.keys()).containsExactly("WRAP", "Stratford, upon Avon");
        assertThat(quoted.from()).isEqualTo("2019-04-01");
        assertThat(quoted.id()).isEqualTo("training.people-trained by=course,area key=WRAP,\"Stratford, upon Avon\" "
                + "from=2019-04-01 to=2020-03-31");
        // Quotes a part needs not are the same reference as without them, frozen under the same id.
        assertThat(FigureReferences.in("{{referrals.received by=concern_type,age_band key=\"ISLAMIST\",\"15-17\"}}")
                .get(0).id()).isEqualTo(plain.id());
        // One quoted part is one part, commas and all: the wrong number for two dimensions, which saving refuses.
        FigureReferences.Reference whole = FigureReferences.in(
                "{{referrals.received by=concern_type,age_band key=\"ISLAMIST,15-17\"}}").get(0);
        assertThat(whole.keys()).containsExactly("ISLAMIST,15-17");
        assertThat(whole.id()).isEqualTo("referrals.received by=concern_type,age_band key=\"ISLAMIST,15-17\"");
    }

    @Test
    void refusesAnyOtherTextBetweenDoubleBracesNamingTheField() {
        FigureReferences references = new FigureReferences(null, null);
        for (String wrong : new String[] {"{{ people trained }}", "{{training.people-trained by=course}}",
                "{{training.people-trained key=WRAP}}", "{{training.people-trained from=2020-04-01}}",
                "{{image:not-an-id}}", "{{referrals.received by=concern_type,age_band key=\"ISLAMIST,15-17}}",
                "{{referrals.received by=concern_type,age_band key=ISLAMIST, 15-17}}",
                "{{referrals.received by=concern_type, age_band key=ISLAMIST,15-17}}"}) {
            assertThatThrownBy(() -> references.validate("sections[1].markdown", "Text " + wrong + " more"))
                    .as(wrong).isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field())
                                .isEqualTo("sections[1].markdown"));
                    });
        }
        assertThatThrownBy(() -> references.validate("introduction",
                "{{training.people-trained from=2020-04-01 to=2019-04-01}}")).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("before"));
        assertThatThrownBy(() -> references.validate("introduction",
                "{{training.people-trained from=2020-02-30 to=2021-04-01}}")).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("dates"));
    }
}
