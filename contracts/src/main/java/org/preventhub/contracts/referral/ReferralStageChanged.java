package org.preventhub.contracts.referral;

import java.time.LocalDate;

/**
 * Payload of every {@code referral.*.v1} event: the referral after the change, the stage it left, and the day.
 *
 * @param previousStage null for {@code referral.received.v1}
 */
public record ReferralStageChanged(ReferralSnapshot referral, String previousStage, LocalDate on) {
}
