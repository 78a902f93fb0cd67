package org.preventhub.platform.feed;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One record of an uploaded file: a CSV row or a JSON object, as field name to text, with the line it starts on.
 */
public record FeedRecord(long line, Map<String, String> fields) {

    /** The first day a feed may report: older dates are typing mistakes, not records. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** A day's grace, as for the API's own writes, so a sender a time zone ahead is not refused. */
    public static final int FUTURE_GRACE_DAYS = 1;

    /** How something was delivered, in the words every feed accepts for it (see {@link #DELIVERY_WORDS}). */
    public enum Delivery {
        IN_PERSON, ONLINE, E_LEARNING;

        /** E-learning is delivered online: where a feed only knows in-person and online, it is online. */
        public boolean online() {
            return this != IN_PERSON;
        }
    }

    /**
     * Every word a feed takes for a mode of delivery, written in lower case with hyphens ("face to face",
     * "E_Learning" are read as "face-to-face", "e-learning"). One table for every feed, so a word that passes one
     * passes them all.
     */
    public static final Map<String, Delivery> DELIVERY_WORDS;
    static {
        Map<String, Delivery> words = new LinkedHashMap<>();
        for (String word : new String[] { "in-person", "face-to-face", "classroom" }) {
            words.put(word, Delivery.IN_PERSON);
        }
        for (String word : new String[] { "online", "virtual", "webinar" }) {
            words.put(word, Delivery.ONLINE);
        }
        for (String word : new String[] { "e-learning", "elearning" }) {
            words.put(word, Delivery.E_LEARNING);
        }
        DELIVERY_WORDS = Collections.unmodifiableMap(words);
    }

    /** The field's trimmed text, or null when absent or blank. */
    public String text(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** As {@link #text(String)}, rejecting a value longer than {@code max} characters (its column's size). */
    public String text(String name, int max) throws FeedRejection {
        String value = text(name);
        if (value != null && value.length() > max) {
            throw new FeedRejection(name + " is longer than " + max + " characters");
        }
        return value;
    }

    public String required(String name) throws FeedRejection {
        String value = text(name);
        if (value == null) {
            throw new FeedRejection(name + " is required");
        }
        return value;
    }

    public String required(String name, int max) throws FeedRejection {
        String value = required(name);
        if (value.length() > max) {
            throw new FeedRejection(name + " is longer than " + max + " characters");
        }
        return value;
    }

    /**
     * A date something already happened on: from {@link #EARLIEST} to tomorrow ({@link #FUTURE_GRACE_DAYS}), as
     * feeds report what was held or done, never plans.
     */
    public LocalDate pastDate(String name) throws FeedRejection {
        LocalDate date = date(name);
        if (date.isAfter(LocalDate.now().plusDays(FUTURE_GRACE_DAYS))) {
            throw new FeedRejection(name + " is in the future: the feed reports what already took place");
        }
        if (date.isBefore(EARLIEST)) {
            throw new FeedRejection(name + " is before " + EARLIEST.getYear() + ", not a plausible date");
        }
        return date;
    }

    /** The mode of delivery, in any of {@link #DELIVERY_WORDS}; null when absent. */
    public Delivery delivery(String name) throws FeedRejection {
        String value = text(name);
        if (value == null) {
            return null;
        }
        Delivery delivery = DELIVERY_WORDS.get(value.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-'));
        if (delivery == null) {
            throw new FeedRejection(name + " must be one of " + String.join(", ", DELIVERY_WORDS.keySet()));
        }
        return delivery;
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
