package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.awaitValues;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.projection.Generations;
import org.preventhub.reporting.support.Fixture;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Sectors are the suite's one vocabulary: Prisons and Probation are two keys of every by-sector breakdown, and
 * facts and events with training's earlier code for the community and voluntary sector count under COMMUNITY.
 */
@QuarkusTest
class SectorBreakdownTest {

    private static final String BY = "breakdown.cells.collectEntries { [it.key, it.figure.value] }";

    @Inject
    Generations generations;

    @Test
    void prisonsAndProbationAreTwoKeysOfTheBySectorBreakdowns() {
        LocalDate day = LocalDate.of(2064, 1, 14);
        String course = "HMPPS-" + UUID.randomUUID().toString().substring(0, 6);
        UUID session = UUID.randomUUID();
        Fixture.attendance(session, course, day, DeliveryMode.IN_PERSON, "warwick", "PRISONS", true);
        Fixture.attendance(session, course, day, DeliveryMode.IN_PERSON, "warwick", "PROBATION", true);
        Fixture.attendance(session, course, day, DeliveryMode.IN_PERSON, "warwick", "PROBATION", true);
        Fixture.booking(session, course, "PRISONS", Fixture.noon(day.minusDays(9)));
        Fixture.booking(session, course, "PROBATION", Fixture.noon(day.minusDays(8)));
        Fixture.Referral.received(day).from("PRISONS").publish();
        Fixture.Referral.received(day).from("PROBATION").publish();
        Fixture.Referral.received(day.plusDays(1)).from("PROBATION").publish();

        String year = "year=2063&calendar=reporting";
        awaitValues(Roles.ANALYST, "training.people-trained", year + "&by=sector",
                v -> assertThat(v.getMap(BY)).containsExactlyInAnyOrderEntriesOf(Map.of("PRISONS", 1, "PROBATION", 2)));
        awaitValues(Roles.ANALYST, "training.bookings", year + "&by=sector",
                v -> assertThat(v.getMap(BY)).containsExactlyInAnyOrderEntriesOf(Map.of("PRISONS", 1, "PROBATION", 1)));
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", year + "&by=referrer_sector",
                v -> assertThat(v.getMap(BY)).containsExactlyInAnyOrderEntriesOf(Map.of("PRISONS", 1, "PROBATION", 2)));
    }

    @Test
    void eventsWithTrainingsEarlierCommunityCodeCountUnderCommunity() {
        LocalDate day = LocalDate.of(2065, 3, 3);
        String course = "VCS-" + UUID.randomUUID().toString().substring(0, 6);
        UUID session = UUID.randomUUID();
        Fixture.attendance(session, course, day, DeliveryMode.ONLINE, "rugby", "VOLUNTARY_COMMUNITY", true);
        Fixture.attendance(session, course, day, DeliveryMode.ONLINE, "rugby", "COMMUNITY", true);
        Fixture.Referral.received(day).from("COMMUNITY").publish();

        awaitValues(Roles.ANALYST, "training.people-trained", "year=2064&calendar=reporting&by=sector",
                v -> assertThat(v.getMap(BY)).containsExactlyInAnyOrderEntriesOf(Map.of("COMMUNITY", 2)));
        awaitValues(Roles.PREVENT_LEAD, "referrals.received", "year=2064&calendar=reporting&by=referrer_sector",
                v -> assertThat(v.getMap(BY)).containsExactlyInAnyOrderEntriesOf(Map.of("COMMUNITY", 1)));
    }

    @Test
    void theMigrationMovesProjectedFactsToCommunityAndKeepsCriminalJusticeWhichCannotBeSplit() throws IOException {
        String schema = generations.active();
        UUID community = UUID.randomUUID();
        UUID criminalJustice = UUID.randomUUID();
        Sql.update("INSERT INTO " + schema + ".attendance_fact (attendance_id, attended_on, sector, attended, walk_in, "
                + "last_event_at) VALUES (?, DATE '2066-01-01', 'VOLUNTARY_COMMUNITY', true, false, now()), "
                + "(?, DATE '2066-01-01', 'CRIMINAL_JUSTICE', true, false, now())", community, criminalJustice);

        try (InputStream in = getClass().getResourceAsStream("/db/migration/V2026_12_08_40__one_sector_vocabulary.sql")) {
            Sql.update(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        assertThat(Sql.rows("SELECT sector FROM " + schema + ".attendance_fact WHERE attendance_id = ?", community))
                .containsExactly(Map.of("sector", "COMMUNITY"));
        assertThat(Sql.rows("SELECT sector FROM " + schema + ".attendance_fact WHERE attendance_id = ?", criminalJustice))
                .containsExactly(Map.of("sector", "CRIMINAL_JUSTICE"));
        Sql.update("DELETE FROM " + schema + ".attendance_fact WHERE attendance_id IN (?, ?)", community, criminalJustice);
    }
}
