package org.preventhub.reporting.action;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.preventhub.reporting.action.ActionDtos.ActionView;
import org.preventhub.reporting.indicator.ReportingPeriod;

/**
 * Which recommended actions belong in a report for a period: those open during it, or changed in it. Without this a
 * 2025/26 report listed the actions of 2020/21.
 * <p>
 * An action's life runs from its first record (its creation, or its first dated progress, which can be earlier when a
 * plan is entered after the fact) to its close: for a completed or deferred action, its last dated progress; for an
 * open one, its due date or its last progress, whichever is later (with neither, it stays open). An action left open
 * past its due date with no progress drops out of later periods' reports: the action plan's own list still shows it.
 * A change is a progress entry dated in the period (the date the partnership gave, not the day it was typed in).
 */
public final class ActionsInPeriod {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ActionsInPeriod() {
    }

    public static List<ActionView> of(List<ActionView> actions, ReportingPeriod period) {
        return actions.stream().filter(a -> belongs(a, period)).toList();
    }

    static boolean belongs(ActionView action, ReportingPeriod period) {
        List<LocalDate> progress = action.progress().stream().map(ActionDtos.Progress::on).filter(Objects::nonNull).sorted()
                .toList();
        if (progress.stream().anyMatch(on -> !on.isBefore(period.from()) && !on.isAfter(period.to()))) {
            return true;
        }
        LocalDate created = action.history().isEmpty() ? null : action.history().get(0).at().atZone(LONDON).toLocalDate();
        LocalDate opened = Stream.concat(Stream.ofNullable(created), progress.stream().limit(1)).min(LocalDate::compareTo)
                .orElse(null);
        if (opened != null && opened.isAfter(period.to())) {
            return false;
        }
        LocalDate last = progress.isEmpty() ? null : progress.get(progress.size() - 1);
        LocalDate closes;
        if ("COMPLETED".equals(action.status()) || "DEFERRED".equals(action.status())) {
            closes = last != null ? last : opened;
        } else {
            closes = Stream.concat(Stream.ofNullable(action.dueOn()), Stream.ofNullable(last)).max(LocalDate::compareTo)
                    .orElse(null);
        }
        return closes == null || !closes.isBefore(period.from());
    }
}
