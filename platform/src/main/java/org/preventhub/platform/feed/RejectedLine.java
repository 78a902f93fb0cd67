package org.preventhub.platform.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of an uploaded file that was not taken, and why. */
public record RejectedLine(long line, @Schema(maxLength = 500) String reason) {
}
