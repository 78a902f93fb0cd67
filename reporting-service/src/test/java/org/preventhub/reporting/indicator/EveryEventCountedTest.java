package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every engagement event held is counted by the indicators: each priority has its own events and attendance figure,
 * and for any year those figures add up to the all-events figure and to what was held (cancelled and planned events
 * count nowhere). Two reporting years (2056/57, 2057/58) of events of every priority, drawn at random.
 */
@QuarkusTest
class EveryEventCountedTest {

    @Test
    void eventsCountedPerPriorityAddUpToTheEventsHeldInEveryYear() {
        Random random = new Random(20);
        int[][] held = new int[2][2]; // per year: events, attendance
        for (int year = 0; year < 2; year++) {
            LocalDate start = LocalDate.of(2056 + year, 9, 1);
            for (Priority priority : Priority.values()) {
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    LocalDate day = start.plusDays(random.nextInt(365));
                    int attendance = 5 + random.nextInt(60);
                    Fixture.communityEvent("Event " + priority + " " + i, "WORKSHOP", priority, "rugby", List.of(day), attendance);
                    held[year][0]++;
                    held[year][1] += attendance;
                }
                Fixture.communityEvent("Cancelled " + priority, "WORKSHOP", priority, "rugby", List.of(start.plusDays(40)), -1);
                Fixture.plannedEvent("Planned " + priority, "WORKSHOP", priority, "rugby", start.plusDays(50));
            }
        }

        List<Map<String, Object>> indicators = as(Roles.ANALYST).get("/indicators").then().statusCode(200).extract()
                .jsonPath().getList("");
        for (int year = 0; year < 2; year++) {
            String query = "year=" + (2056 + year) + "&calendar=reporting";
            int events = held[year][0];
            int people = held[year][1];
            awaitValues(Roles.ANALYST, "engagement.all-events-held", query, v -> assertThat(v.getInt("figure.value")).isEqualTo(events));
            awaitValues(Roles.ANALYST, "engagement.all-attendance", query, v -> assertThat(v.getInt("figure.value")).isEqualTo(people));
            int eventsPerPriority = 0;
            int peoplePerPriority = 0;
            for (Priority priority : Priority.values()) {
                eventsPerPriority += valueOf(onlyIndicator(indicators, priority, "count"), query);
                peoplePerPriority += valueOf(onlyIndicator(indicators, priority, "sum:attendance"), query);
            }
            assertThat(eventsPerPriority).as("events counted per priority, " + query).isEqualTo(events);
            assertThat(peoplePerPriority).as("attendance counted per priority, " + query).isEqualTo(people);
        }
    }

    /** The one indicator of a priority over engagement events held of that priority, with that measure. */
    private static String onlyIndicator(List<Map<String, Object>> indicators, Priority priority, String measure) {
        List<String> ids = indicators.stream()
                .filter(i -> "engagement_event_fact".equals(i.get("fact")) && measure.equals(i.get("measure")))
                .filter(i -> {
                    Map<?, ?> filters = (Map<?, ?>) i.get("filters");
                    return priority.name().equals(filters.get("priority")) && "HELD".equals(filters.get("status"));
                })
                .map(i -> (String) i.get("id")).toList();
        assertThat(ids).as(priority + " " + measure).hasSize(1);
        return ids.get(0);
    }

    private static int valueOf(String indicator, String query) {
        JsonPath values = as(Roles.ANALYST).get("/indicators/" + indicator + "/values?" + query).then().statusCode(200)
                .extract().jsonPath();
        return values.getInt("figure.value");
    }
}
