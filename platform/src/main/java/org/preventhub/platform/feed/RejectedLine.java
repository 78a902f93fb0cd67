package org.preventhub.platform.feed;

/** A line of an uploaded file that was not taken, and why. */
public record RejectedLine(long line, String reason) {
}
