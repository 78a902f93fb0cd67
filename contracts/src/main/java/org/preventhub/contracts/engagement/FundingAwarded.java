package org.preventhub.contracts.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.Priority;

/**
 * Payload of {@code engagement.funding.award-recorded.v1}: an award's whole snapshot (recorded or changed), upserted by
 * {@code awardId}.
 *
 * @param amount in pounds sterling
 * @param funderType the funder organisation's type (e.g. FUNDER for the Police and Crime Commissioner, POLICE for a CTU)
 * @param projects the names of the projects and programmes it funds
 */
public record FundingAwarded(UUID awardId, UUID funderId, String funderName, String funderType, BigDecimal amount,
        LocalDate startsOn, LocalDate endsOn, Priority priority, String purpose, List<String> projects) {
}
