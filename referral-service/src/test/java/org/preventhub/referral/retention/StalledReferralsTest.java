package org.preventhub.referral.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.referEarlier;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

/** An open referral is never erased, so one that stands still must not go unnoticed. */
@QuarkusTest
class StalledReferralsTest {

    @Test
    void openReferralsWithNoStepForSixMonthsAreListedAndClosedOnesAreNot() {
        LocalDate sevenMonthsAgo = LocalDate.now().minusMonths(7);
        UUID forgotten = referEarlier("stalled-school", aReferral().receivedOn(sevenMonthsAgo).build());
        UUID screenedLater = referEarlier("stalled-school", aReferral().receivedOn(sevenMonthsAgo).build());
        step(screenedLater, "start-screening").statusCode(200);
        UUID closed = referEarlier("stalled-school", aReferral().receivedOn(sevenMonthsAgo).build());
        step(closed, "start-screening", Map.of("on", sevenMonthsAgo.toString())).statusCode(200);
        step(closed, "no-further-action", Map.of("reason", "No concerns", "on", sevenMonthsAgo.toString())).statusCode(200);
        UUID recent = referEarlier("stalled-school", aReferral().receivedOn(LocalDate.now().minusMonths(5)).build());

        asLead(null).get("/referrals/stalled").then().statusCode(400);
        asLead("Monthly case review").get("/referrals/stalled").then().statusCode(200)
                .body("id", hasItem(forgotten.toString()))
                .body("id", not(hasItem(screenedLater.toString())))
                .body("id", not(hasItem(closed.toString())))
                .body("id", not(hasItem(recent.toString())))
                .body("find { it.id == '" + forgotten + "' }.lastStepOn", equalTo(sevenMonthsAgo.toString()));
        asLead("Looking ahead").queryParam("asOf", LocalDate.now().plusMonths(2).toString()).get("/referrals/stalled")
                .then().statusCode(200).body("id", hasItem(recent.toString()));
        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE referral_id = ? AND action = 'SEARCH_HIT' "
                + "AND purpose = 'Monthly case review'", forgotten)).isEqualTo(1);

        // A stalled referral is kept, not erased, however old.
        asLead().post("/retention/runs").then().statusCode(200).body("referrals.id", not(hasItem(forgotten.toString())));
    }
}
