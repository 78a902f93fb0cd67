package org.preventhub.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.action.ActionDtos.Progress;
import org.preventhub.reporting.support.Fixture;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The annual report's page and a published edition's page in a real browser (the system's headless Chromium), on a
 * phone (375 px wide, screen) and on A4 paper (794 px, print styles): nothing wider than the window, no text box
 * printed over another (headings, paragraphs, table cells, a chart's labels), and no serious or critical finding of
 * axe-core. Skipped, saying why, on a machine without Chromium.
 */
@QuarkusTest
class ReportAccessibilityTest {

    private static final String YEAR = "year=2071";
    private static ChromeDriver browser;

    @BeforeAll
    static void chromium() {
        Optional<Path> chromium = firstExisting("CHROMIUM_BINARY", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> driver = firstExisting("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(),
                "No Chromium or chromedriver on this machine (apt-get install chromium chromium-driver): the browser check is skipped");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                // No sandbox: CI and these machines run the tests as root, which Chromium's sandbox refuses.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--no-first-run", "--disable-extensions", "--allow-file-access-from-files");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAnnualReportReadsOnAPhoneAndOnA4WithoutOverlapsOrSeriousAxeFindings() throws IOException {
        LocalDate day = LocalDate.of(2071, 10, 4);
        for (int i = 0; i < 7; i++) {
            Fixture.referral(day.plusMonths(i % 5), "a11y-rugby", List.of("ISLAMIST"), "15-17", null);
            Fixture.referral(day.plusMonths(i % 3), "a11y-nuneaton-and-bedworth", List.of("EXTREME_RIGHT_WING"), "21-30", null);
        }
        Fixture.deliveredSession("A11Y-WRAP", day, DeliveryMode.IN_PERSON, "a11y-rugby", 14, 1);
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", YEAR, v -> assertThat(v.getInt("figure.value")).isEqualTo(14));
        String html = as(Roles.PREVENT_LEAD).accept("text/html").get("/reports/annual?" + YEAR).then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("<figure>");

        check("annual report", html);
    }

    @Test
    void aPublishedEditionReadsOnAPhoneAndOnA4WithoutOverlapsOrSeriousAxeFindings() throws IOException {
        String location = as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2071/72", "year", 2071))
                .post("/report-editions").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> content = Map.of("introduction", "We received **{{referrals.received}}** referrals this year.\n\n"
                + "| Quarter | Referrals |\n|---|---|\n| Q1 | 4 |\n| Q2 | 3 |\n\n> Partners met every month.",
                "sections", List.of(Map.of("heading", "Awareness, learning and development", "priority", "AWARENESS_LEARNING",
                        "markdown", "Training carried on online, with a very-long-word-that-does-not-fit-on-a-phone-screen-at-all-"
                                + "and-must-wrap.\n\n- one\n- two")),
                "conclusion", "A year of change.");
        as(Roles.PREVENT_LEAD).body(content).put("/report-editions/" + id + "/draft").then().statusCode(200);
        as(Roles.PREVENT_LEAD).post("/report-editions/" + id + "/publish").then().statusCode(200);
        String html = as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/document").then().statusCode(200).extract()
                .asString();

        check("edition", html);
    }

    @Test
    void theRecommendedActionsTableAndItsStatusBadgesReadOnAPhoneAndOnA4() throws IOException {
        AnnualReport report = ReportFormatsTest.report(true, true);
        AnnualReport.Section s = report.sections().get(0);
        List<ActionView> actions = Stream.of("RED", "AMBER", "GREEN").map(rag -> new ActionView(UUID.randomUUID(), s.priority(),
                "Promote the online Prevent Update course to every secondary school's designated safeguarding lead", null,
                "Warwickshire County Council Prevent team", LocalDate.of(2020, 3, 31), "IN_PROGRESS", rag, List.of(),
                List.of(new Progress(LocalDate.of(2020, 1, 15),
                        "Promoted in the January newsletter and at the designated safeguarding leads' forum", "lead")),
                List.of(), 1L)).toList();
        AnnualReport withActions = new AnnualReport(report.title(), report.period(), report.generatedAt(), true,
                List.of(new AnnualReport.Section(s.number(), s.priority(), s.title(), s.aim(), s.indicators(),
                        s.crossTabulations(), s.trend(), actions)));

        check("report with actions", ReportHtml.render(withActions, 5));
    }

    private static void check(String what, String html) throws IOException {
        Path page = Files.createTempFile("report-a11y", ".html");
        try {
            Files.writeString(page, html, StandardCharsets.UTF_8);
            for (Layout layout : Layout.values()) {
                String where = what + " " + layout;
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", layout.width, "height", 900,
                        "deviceScaleFactor", 1, "mobile", layout.width < 600));
                browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", layout.media));
                browser.get(page.toUri().toString());
                Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
                Number inner = (Number) browser.executeScript("return window.innerWidth");
                assertThat(scroll.intValue()).as(where + ": page width against the window's").isLessThanOrEqualTo(inner.intValue());
                @SuppressWarnings("unchecked")
                List<String> overlaps = (List<String>) browser.executeScript(OVERLAPS);
                assertThat(overlaps).as(where + ": text boxes printed over one another").isEmpty();
                Results axe = new AxeBuilder().analyze(browser);
                assertThat(axe.getPasses()).as(where + ": axe-core ran its rules").isNotEmpty();
                List<String> serious = Stream.of(axe.getViolations()).flatMap(List::stream)
                        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                        .map(ReportAccessibilityTest::describe).toList();
                assertThat(serious).as(where + ": axe-core's serious and critical findings").isEmpty();
            }
        } finally {
            Files.deleteIfExists(page);
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    private enum Layout {
        PHONE(375, "screen"), A4(794, "print");

        final int width;
        final String media;

        Layout(int width, String media) {
            this.width = width;
            this.media = media;
        }
    }

    /**
     * Pairs of text boxes that overlap: among the page's blocks of text (one inside another is no overlap), and among
     * each chart's labels. A pixel of touching is allowed (rounding).
     */
    private static final String OVERLAPS = """
            const found = [];
            const overlap = (a, b) => a.width > 0 && b.width > 0 && a.left < b.right - 1 && b.left < a.right - 1
                && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            const name = e => e.tagName.toLowerCase() + ':' + (e.textContent || '').trim().slice(0, 40);
            const blocks = [...document.querySelectorAll('h1,h2,h3,p,li,th,td,figcaption,caption,blockquote')];
            for (let i = 0; i < blocks.length; i++) {
              const a = blocks[i].getBoundingClientRect();
              for (let j = i + 1; j < blocks.length && j < i + 60; j++) {
                if (blocks[i].contains(blocks[j]) || blocks[j].contains(blocks[i])) continue;
                if (overlap(a, blocks[j].getBoundingClientRect())) found.push(name(blocks[i]) + ' / ' + name(blocks[j]));
              }
            }
            for (const svg of document.querySelectorAll('svg')) {
              const labels = [...svg.querySelectorAll('text')];
              for (let i = 0; i < labels.length; i++) {
                for (let j = i + 1; j < labels.length; j++) {
                  if (overlap(labels[i].getBoundingClientRect(), labels[j].getBoundingClientRect()))
                    found.push('chart ' + name(labels[i]) + ' / ' + name(labels[j]));
                }
              }
            }
            return found;""";

    private static Optional<Path> firstExisting(String variable, String... candidates) {
        String configured = System.getenv(variable);
        return (configured == null ? Stream.of(candidates) : Stream.of(configured)).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
