package org.preventhub.reporting.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.indicator.ReportingPeriod;

/** Which actions a period's report shows: open during it, or changed in it. */
class ActionsInPeriodTest {

    private static final ReportingPeriod Y2019 = ReportingPeriod.reportingYear(2019);
    private static final ReportingPeriod Y2020 = ReportingPeriod.reportingYear(2020);
    private static final ReportingPeriod Y2025 = ReportingPeriod.reportingYear(2025);

    @Test
    void anOpenActionShowsUntilItsDueDateOrItsLastProgress() {
        ActionView open = action("IN_PROGRESS", "2021-03-31", "2026-12-07T10:00:00Z", "2020-02-10");
        assertThat(ActionsInPeriod.belongs(open, Y2019)).isTrue();
        assertThat(ActionsInPeriod.belongs(open, Y2020)).isTrue();
        assertThat(ActionsInPeriod.belongs(open, Y2025)).isFalse();
        ActionView touched = action("IN_PROGRESS", "2021-03-31", "2026-12-07T10:00:00Z", "2020-02-10", "2025-10-01");
        assertThat(ActionsInPeriod.belongs(touched, Y2025)).as("progress recorded in the period").isTrue();
    }

    @Test
    void aCompletedActionShowsUpToItsLastProgress() {
        ActionView done = action("COMPLETED", "2020-03-31", "2019-09-10T10:00:00Z", "2019-10-01", "2020-01-15");
        assertThat(ActionsInPeriod.belongs(done, Y2019)).isTrue();
        assertThat(ActionsInPeriod.belongs(done, Y2020)).isFalse();
    }

    @Test
    void anActionCreatedAfterThePeriodIsNotShown() {
        ActionView later = action("NOT_STARTED", null, "2026-01-05T10:00:00Z");
        assertThat(ActionsInPeriod.belongs(later, Y2019)).isFalse();
        assertThat(ActionsInPeriod.belongs(later, Y2025)).as("open, no due date, created during the year").isTrue();
    }

    private static ActionView action(String status, String dueOn, String createdAt, String... progressOn) {
        List<ActionDtos.Progress> progress = java.util.Arrays.stream(progressOn)
                .map(on -> new ActionDtos.Progress(LocalDate.parse(on), "note", "lead")).toList();
        return new ActionView(UUID.randomUUID(), "SUPPORT", "An action", null, "Prevent team",
                dueOn == null ? null : LocalDate.parse(dueOn), status, "GREEN", List.of(), progress,
                List.of(new ActionDtos.Change(Instant.parse(createdAt), "lead", "created", null, null)), 0);
    }
}
