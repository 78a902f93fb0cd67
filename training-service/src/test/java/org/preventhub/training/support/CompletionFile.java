package org.preventhub.training.support;

import java.util.ArrayList;
import java.util.List;

/** Test data: a completions feed file as a council would send it, as CSV or JSON. */
public final class CompletionFile {

    public record Line(String recordId, String person, String email, String sector, String courseCode, String date,
            String mode, String area, String completed) {

        public Line withPerson(String name) {
            return new Line(recordId, name, email, sector, courseCode, date, mode, area, completed);
        }

        public Line withMode(String other) {
            return new Line(recordId, person, email, sector, courseCode, date, other, area, completed);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final String prefix;

    private CompletionFile(String prefix) {
        this.prefix = prefix;
    }

    public static CompletionFile withPrefix(String prefix) {
        return new CompletionFile(prefix);
    }

    /** {@code count} good lines for the given course code. */
    public CompletionFile good(int count, String courseCode) {
        for (int i = 0; i < count; i++) {
            int n = lines.size() + 1;
            lines.add(new Line(prefix + "-" + n, "Attendee " + n, "attendee" + n + "@example.org",
                    n % 3 == 0 ? "HEALTH" : "EDUCATION", courseCode, "2020-0" + (1 + n % 9) + "-1" + (n % 9),
                    n % 2 == 0 ? "e-learning" : "online", n % 2 == 0 ? "warwick" : "rugby", "yes"));
        }
        return this;
    }

    public CompletionFile line(Line line) {
        lines.add(line);
        return this;
    }

    /** Replaces line {@code number} (1 = first record, which is line 2 of a CSV). */
    public CompletionFile replace(int number, Line line) {
        lines.set(number - 1, line);
        return this;
    }

    public Line get(int number) {
        return lines.get(number - 1);
    }

    public String csv() {
        return csv("\n");
    }

    /** The file with each row ended by {@code rowEnding} ("\n" or "\r\n"). */
    public String csv(String rowEnding) {
        StringBuilder out = new StringBuilder("recordId,person,email,sector,courseCode,date,mode,area,completed")
                .append(rowEnding);
        for (Line l : lines) {
            out.append(String.join(",", quoted(l.recordId()), quoted(l.person()), quoted(l.email()), quoted(l.sector()),
                    quoted(l.courseCode()), quoted(l.date()), quoted(l.mode()), quoted(l.area()), quoted(l.completed())))
                    .append(rowEnding);
        }
        return out.toString();
    }

    /** As RFC 4180 says: a value with a comma, quote or line break goes in double quotes, its quotes doubled. */
    private static String quoted(String value) {
        if (value == null || value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    public String json(String batchId) {
        StringBuilder out = new StringBuilder("{\"batchId\": \"" + batchId + "\", \"records\": [\n");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            out.append(String.format(
                    "{\"recordId\":\"%s\",\"person\":\"%s\",\"email\":\"%s\",\"sector\":\"%s\",\"courseCode\":\"%s\","
                            + "\"date\":\"%s\",\"mode\":\"%s\",\"area\":\"%s\",\"completed\":%s}%s%n",
                    l.recordId(), l.person(), l.email(), l.sector(), l.courseCode(), l.date(), l.mode(), l.area(),
                    l.completed().equals("yes"), i == lines.size() - 1 ? "" : ","));
        }
        return out.append("]}").toString();
    }
}
