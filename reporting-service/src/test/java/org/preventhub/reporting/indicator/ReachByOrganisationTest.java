package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Training reach by organisation and organisation type (issue 20): an attendee counts under the partner organisation
 * their booking named, or whose registered name they wrote, otherwise under the organisation as written; counts are
 * shown whole to an analyst (training figures are not suppressed). The year 2061/62 is this test's own.
 */
@QuarkusTest
class ReachByOrganisationTest {

    private static final String YEAR = "year=2061&calendar=reporting";

    @Test
    void peopleTrainedBreakDownByPartnerOrganisationOrAsWrittenAndByOrganisationType() {
        LocalDate day = LocalDate.of(2061, 10, 14);
        UUID cava = Fixture.organisation("Reach CAVA 2061", "VOLUNTARY_SECTOR");
        UUID council = Fixture.organisation("Reach Borough Council 2061", "LOCAL_AUTHORITY");
        Fixture.attendanceFrom(cava, null, "REACH-2061", day, true);
        Fixture.attendanceFrom(cava, null, "REACH-2061", day, true);
        Fixture.attendanceFrom(cava, null, "REACH-2061", day, false); // a no-show reaches nobody
        Fixture.attendanceFrom(null, "reach cava 2061", "REACH-2061", day, true); // the partner's name, written
        Fixture.attendanceFrom(council, null, "REACH-2061", day, true);
        Fixture.attendanceFrom(null, "Reach Food Bank 2061", "REACH-2061", day, true);
        Fixture.attendanceFrom(null, null, "REACH-2061", day, true);

        awaitValues(Roles.ANALYST, "training.people-trained", YEAR + "&by=organisation", v -> {
            assertThat(v.getInt("figure.value")).isEqualTo(6);
            assertThat(cells(v)).containsExactlyInAnyOrderEntriesOf(Map.of("Reach CAVA 2061", 3,
                    "Reach Borough Council 2061", 1, "Reach Food Bank 2061", 1, "unknown", 1));
        });
        JsonPath byType = as(Roles.ANALYST).get("/indicators/training.people-trained/values?" + YEAR
                + "&by=organisation_type").then().statusCode(200).extract().jsonPath();
        assertThat(cells(byType)).containsExactlyInAnyOrderEntriesOf(Map.of("VOLUNTARY_SECTOR", 3, "LOCAL_AUTHORITY", 1,
                "NOT_A_PARTNER", 1, "unknown", 1));
        assertThat(byType.getList("breakdown.cells.figure.display")).doesNotContain("[c]");
    }

    private static Map<String, Integer> cells(JsonPath values) {
        Map<String, Integer> cells = new HashMap<>();
        List<Map<String, Object>> list = values.getList("breakdown.cells");
        for (Map<String, Object> cell : list) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) cell.get("keys");
            @SuppressWarnings("unchecked")
            Map<String, Object> figure = (Map<String, Object>) cell.get("figure");
            cells.put(keys.get(0), ((Number) figure.get("value")).intValue());
        }
        return cells;
    }
}
