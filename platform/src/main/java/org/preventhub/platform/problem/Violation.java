package org.preventhub.platform.problem;

/** One invalid field of a request: where it is ({@code capacity}, {@code attendees[2].email}) and what is wrong. */
public record Violation(String field, String message) {

    /** The longest {@code field} and {@code message}, as the OpenAPI document says. */
    public static final int MAX_FIELD = 300;
    public static final int MAX_MESSAGE = 1000;

    public Violation {
        field = cut(field, MAX_FIELD);
        message = cut(message, MAX_MESSAGE);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
