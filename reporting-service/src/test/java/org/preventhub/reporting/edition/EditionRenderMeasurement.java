package org.preventhub.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;
import org.preventhub.reporting.support.Photos;
import org.preventhub.reporting.support.ReportingApi;
import org.preventhub.testing.DemoDataPlan;

import io.quarkus.test.junit.QuarkusTest;

/**
 * How long the seed year's edition takes to render over a county's year of data (issue 20: HTML ≤ 1 s, PDF ≤ 3 s).
 * Run on request only, it publishes the benchmark's county year (2,000 sessions with their 18,000 attendances, 500
 * community events, 300 referrals) into 2019/20, loads the demo edition as the local stack does, adds a
 * 1600 × 1200 photo, and times the document as HTML and PDF for the lead and an analyst:
 * {@code ./mvnw -B -q -pl reporting-service -am verify -Dtest=EditionRenderMeasurement -Dmeasure.editions=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measure.editions", matches = "true")
class EditionRenderMeasurement {

    private static final String[] COURSES = { "WRAP", "PREVENT-UPDATE", "ONLINE-GROOMING", "WRAP3-DSL" };
    private static final String[] AREAS = { "north-warwickshire", "nuneaton-and-bedworth", "rugby", "stratford-on-avon", "warwick" };
    private static final String[] TYPES = { "PUBLIC_MEETING", "WORKSHOP", "COMMUNITY_FORUM", "BUSINESS_EVENT", "CONFERENCE" };

    @Test
    void theSeedYearsEditionRendersAsHtmlWithinASecondAndAsPdfWithinThreeOverACountysYear() {
        Random random = new Random(2019);
        LocalDate from = LocalDate.of(2019, 9, 1);
        for (int s = 0; s < 2_000; s++) {
            Fixture.deliveredSession(COURSES[random.nextInt(COURSES.length)], from.plusDays(random.nextInt(365)),
                    random.nextBoolean() ? DeliveryMode.IN_PERSON : DeliveryMode.ONLINE, AREAS[random.nextInt(AREAS.length)], 9, 0);
        }
        for (int e = 0; e < 500; e++) {
            Fixture.communityEvent("Event " + e, TYPES[random.nextInt(TYPES.length)], Priority.COMMUNITY_ENGAGEMENT,
                    AREAS[random.nextInt(AREAS.length)], List.of(from.plusDays(random.nextInt(365))), 10 + random.nextInt(140));
        }
        for (int r = 0; r < 300; r++) {
            Fixture.Referral.received(from.plusDays(random.nextInt(365))).in(AREAS[random.nextInt(AREAS.length)]).publish();
        }
        awaitValues(Roles.PREVENT_LEAD, "training.sessions-delivered", "year=2019&calendar=reporting",
                v -> assertThat(v.getInt("figure.value")).isGreaterThanOrEqualTo(2_000));
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", "year=2019&calendar=reporting",
                v -> assertThat(v.getInt("figure.value")).isGreaterThanOrEqualTo(300));

        DemoDataPlan plan = DemoDataPlan.of("reporting-service");
        plan.replay(ReportingApi::as, (step, response) -> { });
        String id = plan.refs().get("edition");
        String image = as(Roles.PREVENT_LEAD).contentType("image/jpeg").body(Photos.jpegWithGps(1600, 1200, 1))
                .queryParam("alt", "Pupils watching the performance").queryParam("caption", "Game On")
                .post("/report-editions/" + id + "/images").then().statusCode(201).extract().path("id");
        int latest = as(Roles.PREVENT_LEAD).get("/report-editions/" + id).then().statusCode(200).extract().path("latestDraft");
        Map<String, Object> draft = new HashMap<>(as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/drafts/" + latest)
                .then().statusCode(200).extract().jsonPath().getMap(""));
        draft.put("introduction", draft.get("introduction") + "\n\n{{image:" + image + "}}\n");
        as(Roles.PREVENT_LEAD).body(draft).put("/report-editions/" + id + "/draft").then().statusCode(200);

        List<String> lines = new ArrayList<>();
        for (String role : List.of(Roles.PREVENT_LEAD, Roles.ANALYST)) {
            lines.add(time(role, id, "html", 20, 1_000));
            lines.add(time(role, id, "pdf", 5, 3_000));
        }
        System.out.println("▸ the seed year's edition over a county's year (" + Runtime.getRuntime().availableProcessors()
                + " cores)");
        lines.forEach(line -> System.out.println("  " + line));
    }

    private static String time(String role, String id, String format, int runs, long targetMillis) {
        String path = "/report-editions/" + id + "/document?format=" + format;
        for (int i = 0; i < 2; i++) {
            as(role).get(path).then().statusCode(200);
        }
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            bytes = as(role).get(path).then().statusCode(200).extract().asByteArray().length;
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        long p50 = times.get(times.size() / 2);
        long max = times.get(times.size() - 1);
        return String.format(Locale.ROOT, "%s as %s: %d runs, p50 %d ms, max %d ms, %,d bytes (target ≤ %d ms: %s)",
                format.toUpperCase(Locale.ROOT), role, runs, p50, max, bytes, targetMillis,
                max <= targetMillis ? "met" : p50 <= targetMillis ? "met at p50" : "NOT met");
    }
}
