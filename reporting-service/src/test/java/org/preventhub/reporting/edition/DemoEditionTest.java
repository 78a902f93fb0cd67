package org.preventhub.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.PdfUa;
import org.preventhub.reporting.support.ReportingApi;
import org.preventhub.testing.DemoDataPlan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The local stack's demo edition (deploy/demo-data/reporting-service.json): the 2019/20 report loads as the stack's
 * loader runs it, and each figure it references renders as the indicator engine computes it for that year. The
 * figures themselves come from the training and engagement demo data, which only the local stack loads, so this
 * test compares the rendered figure with the engine's value rather than with the seed report's numbers. Its PDF
 * passes veraPDF's PDF/UA-1 check.
 */
@QuarkusTest
class DemoEditionTest {

    private static final String YEAR = "year=2019&calendar=reporting";

    @Test
    void theDemoYearsEditionLoadsEveryReferenceRendersItsLiveFigureAndItsPdfPassesPdfUa1() {
        DemoDataPlan plan = DemoDataPlan.of("reporting-service");
        plan.replay(ReportingApi::as, (step, response) -> { });
        String id = plan.refs().get("edition");
        JsonPath edition = as(Roles.PREVENT_LEAD).get("/report-editions/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(edition.getString("period.from")).isEqualTo("2019-09-01");
        assertThat(edition.getString("status")).isEqualTo("DRAFT");

        String html = as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/document").then().statusCode(200).extract()
                .asString();
        assertThat(html).doesNotContain("{{").contains("Community and voluntary sector engagement",
                "Leadership, governance and accountability", "The Prevent Strategy Group held",
                "Awareness, learning and development", "Safe education", "Intelligence and communications",
                "The impact of COVID-19");
        assertThat(html).contains("WRAP workshop ran " + figure(cell("training.sessions-delivered",
                "course", "WRAP")) + " times for " + figure(cell("training.people-trained", "course", "WRAP")) + " people");
        assertThat(html).contains("Three <em>We Stand Together</em> events (" + figure(cell("engagement.events-held",
                "type", "PUBLIC_MEETING")) + " in all)");
        assertThat(html).contains("The community forum met in public " + figure(cell("engagement.events-held", "type",
                "COMMUNITY_FORUM")) + " times");
        assertThat(html).contains("newsletter went out " + figure(cell("communications.issued", "channel", "NEWSLETTER"))
                + " times");

        byte[] pdf = as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/document?format=pdf").then().statusCode(200)
                .extract().asByteArray();
        PdfUa.assertConforms(pdf, "the demo year's edition as PDF");
    }

    private static String figure(int value) {
        return "<span class=\"figure\">" + java.text.NumberFormat.getNumberInstance(java.util.Locale.UK).format(value)
                + "</span>";
    }

    private static int cell(String indicator, String by, String key) {
        JsonPath values = as(Roles.PREVENT_LEAD).get("/indicators/" + indicator + "/values?" + YEAR + "&by=" + by).then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> cells = values.getList("breakdown.cells");
        return cells.stream().filter(c -> key.equals(c.get("key")))
                .map(c -> ((Number) ((Map<?, ?>) c.get("figure")).get("value")).intValue()).findFirst().orElse(0);
    }
}
