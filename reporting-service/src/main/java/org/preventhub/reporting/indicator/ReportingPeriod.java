package org.preventhub.reporting.indicator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.problem.ProblemException;

/** A period of days, both ends included, with the period before it of the same kind. */
@Schema(description = "A reporting period: both days included.")
public record ReportingPeriod(LocalDate from, LocalDate to,
        @Schema(maxLength = 100, example = "September 2019 – August 2020") String label,
        @Schema(hidden = true) String kind) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** The partnership's reporting year: September to August, as the annual report runs. */
    public static ReportingPeriod reportingYear(int startYear) {
        LocalDate from = LocalDate.of(startYear, 9, 1);
        return new ReportingPeriod(from, from.plusYears(1).minusDays(1),
                "September " + startYear + " – August " + (startYear + 1), "reporting-year");
    }

    /** The Home Office's statistical year: April to March, "year ending 31 March". */
    public static ReportingPeriod statisticalYear(int startYear) {
        LocalDate from = LocalDate.of(startYear, 4, 1);
        return new ReportingPeriod(from, from.plusYears(1).minusDays(1),
                "April " + startYear + " – March " + (startYear + 1) + " (year ending 31 March " + (startYear + 1) + ")",
                "statistical-year");
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        LocalDate from = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new ReportingPeriod(from, from.plusMonths(3).minusDays(1), year + " Q" + quarter + " ("
                + MONTH.format(from).split(" ")[0] + " – " + MONTH.format(from.plusMonths(2)) + ")", "quarter");
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(month.atDay(1), month.atEndOfMonth(), MONTH.format(month), "month");
    }

    public static ReportingPeriod between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        return new ReportingPeriod(from, to, from + " – " + to, "range");
    }

    /**
     * From the query parameters of a request: {@code from}+{@code to}, {@code year} (+{@code calendar} reporting
     * or statistical), {@code quarter} (2020-Q1) or {@code month} (2020-03).
     */
    public static ReportingPeriod parse(String from, String to, Integer year, String calendar, String quarter, String month) {
        String field = from != null || to != null ? (from != null ? "from" : "to")
                : quarter != null ? "quarter" : month != null ? "month" : "year";
        ReportingPeriod period;
        try {
            period = parsed(from, to, year, calendar, quarter, month);
        } catch (DateTimeParseException e) {
            throw e;
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, WINDOW);
        }
        // The FILTER window of every service's dates (PlausibleDate): a year PostgreSQL cannot store is a 400, not a 500.
        if (period.from().isBefore(EARLIEST) || period.to().isAfter(LATEST)) {
            throw ProblemException.invalidField(field, WINDOW);
        }
        return period;
    }

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final String WINDOW = "a period within 1900-01-01 to 9999-12-31";

    private static ReportingPeriod parsed(String from, String to, Integer year, String calendar, String quarter,
            String month) {
        try {
            if (from != null || to != null) {
                if (from == null || to == null) {
                    throw ProblemException.badRequest("A period needs both from and to.");
                }
                return between(LocalDate.parse(from), LocalDate.parse(to));
            }
            if (quarter != null) {
                Matcher matcher = QUARTER.matcher(quarter);
                if (!matcher.matches()) {
                    throw ProblemException.invalidField("quarter", "like 2020-Q1");
                }
                return quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
            }
            if (month != null) {
                return month(YearMonth.parse(month));
            }
            if (year != null) {
                if (calendar == null || calendar.equals("reporting")) {
                    return reportingYear(year);
                }
                if (calendar.equals("statistical")) {
                    return statisticalYear(year);
                }
                throw ProblemException.invalidField("calendar", "reporting (September–August) or statistical (April–March)");
            }
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("A date of the period is not written as YYYY-MM-DD (or YYYY-MM for a month).");
        }
        throw ProblemException.badRequest("Name a period: from and to, year, quarter or month.");
    }

    /** A month, a quarter, a reporting or a statistical year: not an arbitrary range of days. */
    @Schema(hidden = true)
    public boolean standard() {
        return !"range".equals(kind);
    }

    /** The period just before, of the same kind and length. */
    public ReportingPeriod previous() {
        return switch (kind) {
            case "reporting-year" -> reportingYear(from.getYear() - 1);
            case "statistical-year" -> statisticalYear(from.getYear() - 1);
            case "quarter" -> {
                LocalDate start = from.minusMonths(3);
                yield quarter(start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
            }
            case "month" -> month(YearMonth.from(from).minusMonths(1));
            default -> {
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                yield between(from.minusDays(days), from.minusDays(1));
            }
        };
    }
}
