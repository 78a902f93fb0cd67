package org.preventhub.platform.feed;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * One record of an uploaded file: a CSV row or a JSON object, as field name to text, with the line it starts on.
 */
public record FeedRecord(long line, Map<String, String> fields) {

    /** The field's trimmed text, or null when absent or blank. */
    public String text(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String required(String name) throws FeedRejection {
        String value = text(name);
        if (value == null) {
            throw new FeedRejection(name + " is required");
        }
        return value;
    }

    /** An ISO date (2020-03-04); other formats are rejected rather than guessed. */
    public LocalDate date(String name) throws FeedRejection {
        String value = required(name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new FeedRejection(name + " must be a date written as YYYY-MM-DD");
        }
    }

    public Integer wholeNumber(String name, int min, int max) throws FeedRejection {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new FeedRejection(name + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new FeedRejection(name + " must be a whole number");
        }
    }

    /** yes/no, true/false, y/n, 1/0. */
    public Boolean yesNo(String name) throws FeedRejection {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> throw new FeedRejection(name + " must be yes or no");
        };
    }
}
