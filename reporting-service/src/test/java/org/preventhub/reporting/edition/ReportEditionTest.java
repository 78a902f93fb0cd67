package org.preventhub.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A report edition for 2066/67 written by the Prevent lead: live figure references (a course's people trained,
 * referrals received), rendered safely, as each reader may see them; drafts kept; publishing freezes the figures,
 * and late data moves the live figure, not the published one, which the lead sees marked.
 */
@QuarkusTest
class ReportEditionTest {

    @Test
    void aPublishedEditionKeepsItsFiguresWhenLateDataArrivesAndShowsTheLeadWhatMoved() {
        String course = "WRAP" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Fixture.deliveredSession(course, LocalDate.of(2066, 10, 5), DeliveryMode.IN_PERSON, "rugby", 12, 0);
        Fixture.Referral.received(LocalDate.of(2066, 11, 2)).in("rugby").publish();
        Fixture.Referral.received(LocalDate.of(2066, 11, 9)).in("rugby").publish();
        String year = "year=2066&calendar=reporting";
        awaitValues(Roles.PREVENT_LEAD, "training.people-trained", year + "&by=course", v -> assertThat(
                v.getList("breakdown.cells.findAll { it.key == '" + course + "' }.figure.value")).containsExactly(12));
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", year, v -> assertThat(v.getInt("figure.value")).isEqualTo(2));
        String analystsReferrals = as(Roles.ANALYST).get("/indicators/referrals.received/values?" + year).then()
                .statusCode(200).extract().path("figure.display");

        String location = as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2066/67", "year", 2066))
                .post("/report-editions").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String introduction = "We trained **{{training.people-trained by=course key=" + course + "}}** people on " + course
                + " and received {{ referrals.received }} referrals.\n\n<script>alert('x')</script> "
                + "[a link](javascript:alert('x')) <img src=x onerror=alert(1)>";
        as(Roles.PREVENT_LEAD).body(content(introduction)).put("/report-editions/" + id + "/draft").then().statusCode(200);

        String lead = document(Roles.PREVENT_LEAD, id);
        assertThat(lead).contains("<strong><span class=\"figure\">12</span></strong> people on " + course,
                "received <span class=\"figure\">2</span> referrals", "<h2>Awareness, learning and development</h2>",
                "<h2>The impact of COVID-19</h2>", "Draft: figures are live");
        assertThat(lead.toLowerCase()).doesNotContain("<script", "href=\"javascript", "<img").contains("&lt;script&gt;");
        String analyst = document(Roles.ANALYST, id);
        assertThat(analyst).contains("<span class=\"figure\">12</span>",
                "received <span class=\"figure\">" + analystsReferrals + "</span> referrals");
        assertThat(analystsReferrals).as("two referrals are a small count, withheld from analysts").isEqualTo("[c]");

        assertThat(as(Roles.PREVENT_LEAD).get("/report-editions/" + id).then().statusCode(200).extract().jsonPath()
                .getList("drafts.number", Integer.class)).containsExactly(1, 2);
        assertThat(as(Roles.ANALYST).get("/report-editions/" + id + "/drafts/1").then().statusCode(200).extract()
                .jsonPath().getString("introduction")).isEmpty();
        as(Roles.PREVENT_LEAD).body(content("{{no.such-indicator}} and {{training.people-trained by=colour key=red}}"))
                .put("/report-editions/" + id + "/draft").then().statusCode(400).contentType("application/problem+json");
        as(Roles.ANALYST).body(content("An analyst's text")).put("/report-editions/" + id + "/draft").then().statusCode(403);

        as(Roles.PREVENT_LEAD).post("/report-editions/" + id + "/publish").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
        // Late data: another session of the course in the year, recorded after publication.
        Fixture.deliveredSession(course, LocalDate.of(2067, 3, 1), DeliveryMode.IN_PERSON, "rugby", 5, 0);
        awaitValues(Roles.PREVENT_LEAD, "training.people-trained", year + "&by=course", v -> assertThat(
                v.getList("breakdown.cells.findAll { it.key == '" + course + "' }.figure.value")).containsExactly(17));

        String published = document(Roles.PREVENT_LEAD, id);
        assertThat(published).contains("<span class=\"figure moved\" title=\"Published as 12; now 17\">12</span>")
                .doesNotContain("Draft: figures are live", ">17<");
        assertThat(document(Roles.ANALYST, id)).contains("<span class=\"figure\">12</span>",
                "received <span class=\"figure\">[c]</span> referrals");
        assertThat(as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/moved").then().statusCode(200).extract()
                .jsonPath().getList("")).containsExactly(Map.of("reference", "training.people-trained by=course key=" + course,
                        "published", "12", "now", "17"));
        as(Roles.ANALYST).get("/report-editions/" + id + "/moved").then().statusCode(403);
        as(Roles.PREVENT_LEAD).body(content("A change after publication")).put("/report-editions/" + id + "/draft").then()
                .statusCode(409).contentType("application/problem+json");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument word = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                as(Roles.ANALYST).get("/report-editions/" + id + "/document?format=docx").then().statusCode(200).extract()
                        .asInputStream())) {
            List<String> headings = word.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText).toList();
            assertThat(headings).containsExactly("Introduction", "Awareness, learning and development",
                    "The impact of COVID-19", "Conclusion");
            String text = word.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains("We trained 12 people on " + course + " and received [c] referrals.")
                    .doesNotContain("{{", "<script", "17 people");
            assertThat(word.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).filter(r -> "12".equals(r.text()))
                    .allMatch(org.apache.poi.xwpf.usermodel.XWPFRun::isBold)).as("bold kept").isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/document?format=pdf").then().statusCode(200)
                .extract().asByteArray()).startsWith("%PDF".getBytes());
    }

    @Test
    void aReferenceToAnotherPeriodShowsThatPeriodsFigureAndAnUnknownFormIsRefused() {
        String course = "GAP" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        // One session in the edition's year (September 2066 to August 2067), two in the year before.
        Fixture.deliveredSession(course, LocalDate.of(2066, 11, 5), DeliveryMode.IN_PERSON, "rugby", 4, 0);
        Fixture.deliveredSession(course, LocalDate.of(2065, 10, 5), DeliveryMode.IN_PERSON, "rugby", 7, 0);
        Fixture.deliveredSession(course, LocalDate.of(2066, 2, 5), DeliveryMode.IN_PERSON, "rugby", 6, 0);
        awaitValues(Roles.PREVENT_LEAD, "training.people-trained", "from=2065-09-01&to=2066-08-31&by=course", v -> assertThat(
                v.getList("breakdown.cells.findAll { it.key == '" + course + "' }.figure.value")).containsExactly(13));
        awaitValues(Roles.PREVENT_LEAD, "training.people-trained", "year=2066&calendar=reporting&by=course", v -> assertThat(
                v.getList("breakdown.cells.findAll { it.key == '" + course + "' }.figure.value")).containsExactly(4));
        String location = as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2066/67, second", "year", 2066))
                .post("/report-editions").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String introduction = "This year {{training.people-trained by=course key=\"" + course + "\"}} people, last year "
                + "{{training.people-trained by=course key=" + course + " from=2065-09-01 to=2066-08-31}}.";
        as(Roles.PREVENT_LEAD).body(content(introduction)).put("/report-editions/" + id + "/draft").then().statusCode(200);
        assertThat(document(Roles.PREVENT_LEAD, id)).contains("This year <span class=\"figure\">4</span> people, "
                + "last year <span class=\"figure\">13</span>.");

        for (String wrong : List.of("{{ people trained }}", "{{training.people-trained by=course}}",
                "{{training.people-trained from=2066-04-01}}",
                "{{training.people-trained from=2066-04-01 to=2065-04-01}}")) {
            String detail = as(Roles.PREVENT_LEAD).body(content("Figures: " + wrong)).put("/report-editions/" + id + "/draft")
                    .then().statusCode(400).contentType("application/problem+json").extract().asString();
            assertThat(detail).as(wrong).contains("introduction");
        }
        // The refused drafts left the saved one as it was.
        assertThat(document(Roles.PREVENT_LEAD, id)).contains("last year <span class=\"figure\">13</span>.");
    }

    @Test
    void aCellOfACrossTabulationShowsEachReaderWhatTheTableShowsThemInEveryFormatAndIsFrozenOnPublication() {
        // Referral year 2074/75: Islamist 15-17 3, Islamist 21-30 20, extreme right-wing 15-17 20 and 21-30 8, mixed
        // 15-17 20 and 21-30 20. For an analyst the 3 is hidden, and so are the other cells of the table, else the
        // totals would give it away.
        LocalDate day = LocalDate.of(2074, 10, 1);
        String area = "crossref-area";
        referrals(day, area, new int[][] { { 3, 20 }, { 20, 8 }, { 20, 20 } });
        String year = "year=2074&calendar=reporting";
        String crossed = year + "&by=concern_type,age_band";
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", crossed, v -> assertThat(
                v.getInt("breakdown.cells.find { it.key == 'EXTREME_RIGHT_WING,21-30' }.figure.value")).isEqualTo(8));
        io.restassured.path.json.JsonPath table = as(Roles.ANALYST).get("/indicators/referrals.received/values?" + crossed)
                .then().statusCode(200).extract().jsonPath();
        List<String> keys = List.of("ISLAMIST,15-17", "ISLAMIST,21-30", "EXTREME_RIGHT_WING,15-17", "EXTREME_RIGHT_WING,21-30",
                "MIXED_UNCLEAR_UNSTABLE,21-30");
        List<String> analystSees = keys.stream().map(k -> table.getString("breakdown.cells.find { it.key == '" + k
                + "' }.figure.display")).toList();
        assertThat(analystSees.get(0)).isEqualTo("[c]");
        assertThat(analystSees.subList(1, 5)).as("a cell of 5 or more hidden with the 3").contains("[c]");

        String location = as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2074/75", "year", 2074))
                .post("/report-editions").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String introduction = "Referrals: a {{referrals.received by=concern_type,age_band key=ISLAMIST,15-17}}, "
                + "b {{referrals.received by=concern_type,age_band key=\"ISLAMIST\",21-30}}, "
                + "c {{ referrals.received by=concern_type,age_band key=EXTREME_RIGHT_WING,15-17 }}, "
                + "d {{referrals.received by=concern_type,age_band key=EXTREME_RIGHT_WING,21-30}}, "
                + "e {{referrals.received by=concern_type,age_band key=MIXED_UNCLEAR_UNSTABLE,21-30}}.";
        as(Roles.PREVENT_LEAD).body(content(introduction)).put("/report-editions/" + id + "/draft").then().statusCode(200);

        String analystSentence = sentence(analystSees);
        assertThat(document(Roles.ANALYST, id)).contains(html(analystSees));
        assertThat(wordText(Roles.ANALYST, id)).contains(analystSentence);
        assertThat(pdfText(Roles.ANALYST, id)).contains(analystSentence);
        List<String> leadSees = List.of("3", "20", "20", "8", "20");
        assertThat(document(Roles.PREVENT_LEAD, id)).contains(html(leadSees));
        assertThat(wordText(Roles.PREVENT_LEAD, id)).contains(sentence(leadSees));
        assertThat(pdfText(Roles.PREVENT_LEAD, id)).contains(sentence(leadSees));

        as(Roles.PREVENT_LEAD).post("/report-editions/" + id + "/publish").then().statusCode(200);
        // Late data: one more extreme right-wing 21-30 referral in the year, recorded after publication.
        Fixture.referral(day, area, List.of("EXTREME_RIGHT_WING"), "21-30", null);
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", crossed, v -> assertThat(
                v.getInt("breakdown.cells.find { it.key == 'EXTREME_RIGHT_WING,21-30' }.figure.value")).isEqualTo(9));

        assertThat(document(Roles.PREVENT_LEAD, id)).contains(
                "d <span class=\"figure moved\" title=\"Published as 8; now 9\">8</span>");
        assertThat(as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/moved").then().statusCode(200).extract()
                .jsonPath().getList("")).containsExactly(Map.of("reference",
                        "referrals.received by=concern_type,age_band key=EXTREME_RIGHT_WING,21-30", "published", "8", "now", "9"));
        assertThat(document(Roles.ANALYST, id)).contains(html(analystSees));
        assertThat(wordText(Roles.ANALYST, id)).contains(analystSentence);
        assertThat(wordText(Roles.PREVENT_LEAD, id)).contains(sentence(leadSees));
    }

    @Test
    void aCellOfACrossTabulationWithNoSmallCellShowsTheAnalystItsNumber() {
        // Referral year 2076/77: no cell of the table is small, so an analyst has them all.
        referrals(LocalDate.of(2076, 10, 1), "crossref-shown", new int[][] { { 6, 7 }, { 8, 9 }, { 10, 11 } });
        String crossed = "year=2076&calendar=reporting&by=concern_type,age_band";
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", crossed, v -> assertThat(
                v.getInt("breakdown.cells.find { it.key == 'MIXED_UNCLEAR_UNSTABLE,21-30' }.figure.value")).isEqualTo(11));
        assertThat(as(Roles.ANALYST).get("/indicators/referrals.received/values?" + crossed).then().statusCode(200)
                .extract().jsonPath().getString("breakdown.cells.find { it.key == 'ISLAMIST,15-17' }.figure.display"))
                .isEqualTo("6");
        String location = as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2076/77", "year", 2076))
                .post("/report-editions").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(Roles.PREVENT_LEAD).body(content("Islamist 15-17: {{referrals.received by=concern_type,age_band "
                + "key=ISLAMIST,15-17}}, mixed 21-30: {{referrals.received by=concern_type,age_band "
                + "key=\"MIXED_UNCLEAR_UNSTABLE\",\"21-30\"}}.")).put("/report-editions/" + id + "/draft").then().statusCode(200);
        String shown = "Islamist 15-17: <span class=\"figure\">6</span>, mixed 21-30: <span class=\"figure\">11</span>.";
        assertThat(document(Roles.ANALYST, id)).contains(shown);
        assertThat(wordText(Roles.ANALYST, id)).contains("Islamist 15-17: 6, mixed 21-30: 11.");
        as(Roles.PREVENT_LEAD).post("/report-editions/" + id + "/publish").then().statusCode(200);
        assertThat(document(Roles.ANALYST, id)).contains(shown);
    }

    /** Referrals received on {@code day}: counts[c][a] of concern c (Islamist, extreme right-wing, mixed), age a. */
    private static void referrals(LocalDate day, String area, int[][] counts) {
        List<String> concerns = List.of("ISLAMIST", "EXTREME_RIGHT_WING", "MIXED_UNCLEAR_UNSTABLE");
        List<String> ages = List.of("15-17", "21-30");
        for (int c = 0; c < counts.length; c++) {
            for (int a = 0; a < 2; a++) {
                for (int i = 0; i < counts[c][a]; i++) {
                    Fixture.referral(day, area, List.of(concerns.get(c)), ages.get(a), null);
                }
            }
        }
    }

    @Test
    void aCrossTabulationsKeyPartWithACommaGoesInQuotesAndAWrongCrossedReferenceIsRefusedNamingIt() {
        String course = "XT" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String area = "Stratford, upon Avon";
        Fixture.deliveredSession(course, LocalDate.of(2068, 10, 5), DeliveryMode.IN_PERSON, area, 12, 0);
        Fixture.deliveredSession(course, LocalDate.of(2068, 11, 5), DeliveryMode.IN_PERSON, "rugby", 4, 0);
        awaitValues(Roles.PREVENT_LEAD, "training.people-trained", "year=2068&calendar=reporting&by=course,area",
                v -> assertThat(v.getList("breakdown.cells.findAll { it.keys == ['" + course + "', '" + area
                        + "'] }.figure.value")).containsExactly(12));
        String location = as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2068/69", "year", 2068))
                .post("/report-editions").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(Roles.PREVENT_LEAD).body(content("In Stratford {{training.people-trained by=course,area key=" + course + ",\""
                + area + "\"}}, in Rugby {{training.people-trained by=course,area key=" + course + ",rugby}}."))
                .put("/report-editions/" + id + "/draft").then().statusCode(200);
        assertThat(document(Roles.ANALYST, id)).contains("In Stratford <span class=\"figure\">12</span>, "
                + "in Rugby <span class=\"figure\">4</span>.");

        Map<String, String> wrong = Map.of(
                "{{referrals.received by=concern_type,shoe_size key=ISLAMIST,9}}", "shoe_size is not a dimension",
                "{{referrals.received by=concern_type,age_band key=ISLAMIST}}", "takes a key of 2 parts",
                "{{referrals.received by=concern_type,age_band key=ISLAMIST,15-17,MALE}}", "takes a key of 2 parts",
                "{{referrals.received by=concern_type,age_band key=ISLAMIST,}}", "one of them empty",
                "{{referrals.received by=age_band,concern_type key=15-17,ISLAMIST}}",
                "referrals.received is not cross-tabulated by age_band,concern_type",
                "{{training.people-trained by=course,sector key=WRAP,HEALTH}}",
                "training.people-trained is not cross-tabulated by course,sector",
                "{{referrals.received by=concern_type,age_band,gender key=ISLAMIST,15-17,MALE}}",
                "a cross-tabulation is of two dimensions",
                "{{training.people-trained by=area key=\"Stratford upon Avon\",rugby}}", "by=area is one dimension");
        wrong.forEach((reference, reason) -> {
            io.restassured.path.json.JsonPath problem = as(Roles.PREVENT_LEAD).body(content("Figures: " + reference))
                    .put("/report-editions/" + id + "/draft").then().statusCode(400)
                    .contentType("application/problem+json").extract().jsonPath();
            assertThat(problem.getString("violations[0].field")).as(reference).isEqualTo("introduction");
            assertThat(problem.getString("violations[0].message")).as(reference)
                    .startsWith(reference).contains(reason);
        });
        assertThat(document(Roles.PREVENT_LEAD, id)).contains("in Rugby <span class=\"figure\">4</span>.");
    }

    /** The figures a to e of the crossed edition's introduction, as text. */
    private static String sentence(List<String> figures) {
        return "Referrals: a " + figures.get(0) + ", b " + figures.get(1) + ", c " + figures.get(2) + ", d "
                + figures.get(3) + ", e " + figures.get(4) + ".";
    }

    private static String html(List<String> figures) {
        return sentence(figures.stream().map(f -> "<span class=\"figure\">" + f + "</span>").toList());
    }

    private static String wordText(String role, String id) {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument word = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                as(role).get("/report-editions/" + id + "/document?format=docx").then().statusCode(200).extract()
                        .asInputStream())) {
            return word.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .reduce("", (a, b) -> a + "\n" + b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String pdfText(String role, String id) {
        byte[] pdf = as(role).get("/report-editions/" + id + "/document?format=pdf").then().statusCode(200).extract()
                .asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // In reading order: the bold figures are drawn after the rest of their line.
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String document(String role, String id) {
        return as(role).get("/report-editions/" + id + "/document").then().statusCode(200).extract().asString();
    }

    private static Map<String, Object> content(String introduction) {
        return Map.of("introduction", introduction, "sections", List.of(
                Map.of("heading", "Awareness, learning and development", "priority", "AWARENESS_LEARNING",
                        "markdown", "Training carried on online."),
                Map.of("heading", "The impact of COVID-19", "markdown", "Face-to-face events stopped in March.")),
                "conclusion", "A year of change.");
    }
}
