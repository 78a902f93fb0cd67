package org.preventhub.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ICalendarTest {

    private final ICalendar calendar = new ICalendar("-//Prevent Hub//test//EN");

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String summary = "Ünïcödé ".repeat(30);
        String ics = calendar.feed("Feed", List.of(new ICalendar.Event("uid-1", 0, Instant.parse("2026-12-15T09:30:00Z"),
                Instant.parse("2026-12-15T11:00:00Z"), summary, null, null, false)));

        assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + summary + "\r\n");
    }

    @Test
    void textIsEscapedAndAWholeDayEndsTheDayAfter() {
        String ics = calendar.feed("Panels", List.of(ICalendar.Event.allDay("panel-1", 2, LocalDate.of(2026, 12, 31),
                "Channel panel; monthly, with\nagenda", "Shire Hall, Warwick", null, "http://localhost:3000/panels/1",
                false)));

        assertThat(Arrays.asList(ics.split("\r\n"))).contains("DTSTART;VALUE=DATE:20261231",
                "DTEND;VALUE=DATE:20270101", "SUMMARY:Channel panel\\; monthly\\, with\\nagenda",
                "LOCATION:Shire Hall\\, Warwick", "URL:http://localhost:3000/panels/1", "SEQUENCE:2",
                "PRODID:-//Prevent Hub//test//EN");
    }
}
