package org.preventhub.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

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
    }

    @Test
    void refusesAnyOtherTextBetweenDoubleBracesNamingTheField() {
        FigureReferences references = new FigureReferences(null, null);
        for (String wrong : new String[] {"{{ people trained }}", "{{training.people-trained by=course}}",
                "{{training.people-trained key=WRAP}}", "{{training.people-trained from=2020-04-01}}",
                "{{image:not-an-id}}"}) {
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
