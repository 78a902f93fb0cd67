package org.preventhub.platform.problem;

/** One invalid field of a request: where it is ({@code capacity}, {@code attendees[2].email}) and what is wrong. */
public record Violation(String field, String message) {
}
