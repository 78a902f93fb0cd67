package org.preventhub.platform.web;

import jakarta.ws.rs.core.EntityTag;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;

/**
 * Optimistic concurrency over HTTP: a record's version is its ETag; an update sent with {@code If-Match}
 * succeeds only if nobody changed the record since it was read (412 otherwise). Without the header the
 * database's version check still stops two simultaneous writers (409).
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** @return the version named by an {@code If-Match} header, or null when there is none or it is {@code *} */
    public static Long fromIfMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be an ETag this service gave out.",
                    new Violation("If-Match", "not a known ETag"));
        }
    }

    public static void check(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "The record changed since you read it (ETag \"" + actual + "\" now). Read it again and retry.",
                    null, null);
        }
    }
}
