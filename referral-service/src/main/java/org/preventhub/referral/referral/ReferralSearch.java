package org.preventhub.referral.referral;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/** A search by name. In a request body so that the name never sits in a URL, where proxies and servers log it. */
@Schema(description = "A search by the person's name (Prevent lead only), optionally narrowed like the list.")
public record ReferralSearch(
        @NotBlank @Size(max = 200) @Schema(description = "Matched on a keyed hash of the normalised name, so spacing, "
                + "case, accents and punctuation do not matter.", example = "Jamie Example") String name,
        ReferralStatus status,
        @Size(max = 80) @Schema(example = "rugby") String area,
        @Size(max = 50) @Schema(example = "EXTREME_RIGHT_WING") String concernType,
        @Schema(description = "Received on or after this day.", example = "2019-04-01") @PlausibleDate(Kind.FILTER) LocalDate from,
        @Schema(description = "Received on or before this day.", example = "2020-03-31") @PlausibleDate(Kind.FILTER) LocalDate to) {
}
