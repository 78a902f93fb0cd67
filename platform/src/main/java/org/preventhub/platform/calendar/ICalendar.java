package org.preventhub.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * iCalendar (RFC 5545) written by hand: times in UTC (or whole days), text escaped and lines folded at 75 octets,
 * CRLF line ends. An invite (RFC 5546 METHOD:REQUEST, or CANCEL to withdraw it) has one UID per thing invited to,
 * so a calendar program updates the one entry it holds, and a SEQUENCE that rises with each change. A feed
 * (subscribed to by URL) has no method. Each service names itself in PRODID.
 */
public final class ICalendar {

    public enum Method { REQUEST, CANCEL }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * One event: from {@code start} to {@code end}, or, when those are null, the whole of {@code day} (a meeting
     * whose time is not kept). {@code url} may be null.
     */
    public record Event(String uid, int sequence, Instant start, Instant end, LocalDate day, String summary,
            String location, String description, String url, boolean cancelled) {

        /** A timed event, without a URL. */
        public Event(String uid, int sequence, Instant start, Instant end, String summary, String location,
                String description, boolean cancelled) {
            this(uid, sequence, start, end, null, summary, location, description, null, cancelled);
        }

        /** A whole-day event. */
        public static Event allDay(String uid, int sequence, LocalDate day, String summary, String location,
                String description, String url, boolean cancelled) {
            return new Event(uid, sequence, null, null, day, summary, location, description, url, cancelled);
        }
    }

    private final String prodId;

    /** @param prodId the PRODID, e.g. {@code -//Prevent Hub//training-service//EN} */
    public ICalendar(String prodId) {
        this.prodId = prodId;
    }

    public String prodId() {
        return prodId;
    }

    /** An invite to one person, or its withdrawal. */
    public String invitation(Method method, Event event, String organizerName, String organizerEmail,
            String attendeeName, String attendeeEmail) {
        StringBuilder out = begin(method.name());
        vevent(out, event, Instant.now(), () -> {
            line(out, "ORGANIZER;CN=" + param(organizerName) + ":mailto:" + organizerEmail);
            line(out, "ATTENDEE;CN=" + param(attendeeName) + ";ROLE=REQ-PARTICIPANT;PARTSTAT="
                    + (method == Method.CANCEL ? "DECLINED" : "ACCEPTED") + ";RSVP=FALSE:mailto:" + attendeeEmail);
        });
        return end(out);
    }

    /** A feed: the events as they are, no method. */
    public String feed(String name, List<Event> events) {
        StringBuilder out = begin(null);
        line(out, "X-WR-CALNAME:" + text(name));
        Instant now = Instant.now();
        for (Event event : events) {
            vevent(out, event, now, () -> { });
        }
        return end(out);
    }

    private StringBuilder begin(String method) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + prodId);
        line(out, "CALSCALE:GREGORIAN");
        if (method != null) {
            line(out, "METHOD:" + method);
        }
        return out;
    }

    private static void vevent(StringBuilder out, Event event, Instant stamp, Runnable people) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + event.uid());
        line(out, "SEQUENCE:" + event.sequence());
        line(out, "DTSTAMP:" + UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS)));
        if (event.start() != null) {
            line(out, "DTSTART:" + UTC.format(event.start()));
            line(out, "DTEND:" + UTC.format(event.end()));
        } else {
            // A whole day: DTEND is the day after (exclusive, 3.6.1).
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(event.day()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(event.day().plusDays(1)));
        }
        line(out, "SUMMARY:" + text(event.summary()));
        if (event.location() != null) {
            line(out, "LOCATION:" + text(event.location()));
        }
        if (event.description() != null) {
            line(out, "DESCRIPTION:" + text(event.description()));
        }
        if (event.url() != null) {
            line(out, "URL:" + event.url());
        }
        line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        people.run();
        line(out, "END:VEVENT");
    }

    private static String end(StringBuilder out) {
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
    public static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A parameter value: quoted, without the characters a quoted value cannot hold. */
    private static String param(String value) {
        return "\"" + (value == null ? "" : value.replace("\"", "'").replaceAll("[\\r\\n\\p{Cntrl}]", " ")) + "\"";
    }

    /** Folds a content line at 75 octets (3.1), never inside a UTF-8 sequence. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
