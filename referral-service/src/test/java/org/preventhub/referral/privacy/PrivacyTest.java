package org.preventhub.referral.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;
import org.preventhub.referral.support.ReferralBuilder;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PrivacyTest {

    @Test
    void theRawTableHoldsNoPlaintextAndNameSearchStillFindsThePerson() {
        String name = "Morgan Tëst-Person " + UUID.randomUUID().toString().substring(0, 6);
        ReferralBuilder person = aReferral().name(name).prompt("Drew swastikas on a locker");
        UUID referral = refer("privacy-school", person.build());

        Map<String, Object> row = Sql.rows("SELECT * FROM referral WHERE id = ?", referral).get(0);
        String raw = row.toString();
        assertThat(raw).doesNotContain(name, "Morgan", person.dateOfBirth().toString(), "Example Road", "Example Academy", "swastikas", "White British",
                "neurodiversity", "dsl@school.example.org");
        assertThat((String) row.get("person_name_enc")).startsWith("v1.demo-1.");
        assertThat((String) row.get("date_of_birth_enc")).startsWith("v1.demo-1.");

        // Spacing, case, accents and punctuation do not matter to the search.
        String sloppy = "  " + name.toLowerCase().replace("ë", "e").replace("-", " ") + " ";
        asLead().body(Map.of("name", sloppy)).post("/referrals/search").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].personName", equalTo(name));
    }

    @Test
    void aCiphertextMovedToAnotherRecordDoesNotDecrypt() {
        UUID a = refer("privacy-school", aReferral().build());
        UUID b = refer("privacy-school", aReferral().build());
        Object own = Sql.rows("SELECT person_name_enc FROM referral WHERE id = ?", b).get(0).get("person_name_enc");
        Sql.update("UPDATE referral SET person_name_enc = (SELECT person_name_enc FROM referral WHERE id = ?) WHERE id = ?", a, b);
        try {
            asLead().get("/referrals/" + b).then().statusCode(500).contentType("application/problem+json")
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Jamie")));
        } finally {
            // Leave no broken record behind: every list that shows it (stalled, search) would fail too.
            Sql.update("UPDATE referral SET person_name_enc = ? WHERE id = ?", own, b);
        }
    }

    @Test
    void everyReadIsLoggedWithItsPurposeAndTheLogCannotBeChanged() {
        UUID referral = refer("log-school", aReferral().build());
        asLead("Preparing the March panel").get("/referrals/" + referral).then().statusCode(200);
        asLead("").get("/referrals/" + referral).then().statusCode(400)
                .body("violations[0].field", equalTo("X-Access-Purpose"));
        org.preventhub.referral.support.ReferralApi.asReferrer("log-school").get("/referrals/" + referral).then().statusCode(200);

        asLead("Audit of the March panel").get("/referrals/" + referral + "/access-log").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("CREATE", "READ", "READ", "READ"))
                .body("purpose", hasItem("Preparing the March panel"))
                .body("[1].actorRoles", equalTo("prevent-lead"))
                .body("[2].actorAgency", equalTo("log-school"))
                .body("[2].fields", equalTo("status"))
                .body("[3].fields", equalTo("accessLog")).body("[3].purpose", equalTo("Audit of the March panel"));
        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE referral_id = ?", referral)).isEqualTo(4);

        assertThatThrownBy(() -> Sql.update("UPDATE access_log SET purpose = 'covered up' WHERE referral_id = ?", referral))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Sql.update("DELETE FROM access_log WHERE referral_id = ?", referral))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Sql.update("TRUNCATE access_log"))
                .hasStackTraceContaining("append-only");
        assertThat(Sql.count("SELECT count(*) FROM access_log WHERE referral_id = ?", referral)).isEqualTo(4);
    }

    @Test
    void eventsCarryNothingThatIdentifiesThePerson() {
        ReferralBuilder builder = aReferral().prompt("Expressed support for a proscribed group");
        UUID referral = refer("events-school", builder.build());
        step(referral, "start-screening").statusCode(200);
        String pseudonym = (String) Sql.rows("SELECT pseudonym FROM referral WHERE id = ?", referral).get(0).get("pseudonym");

        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.REFERRAL, pseudonym, 2, Duration.ofSeconds(30));
        for (ReceivedEvent event : events) {
            String everything = event.key() + event.headers() + event.data();
            assertThat(everything).doesNotContain(referral.toString(), builder.name(), "Jamie", "Example Road",
                    "Example Academy", "proscribed", "White British", "neurodiversity", "dsl@school", "events-school");
            var snapshot = event.data().get("referral");
            assertThat(snapshot.has("dateOfBirth")).isFalse();
            assertThat(snapshot.get("ageBand").asText()).isEqualTo("15-17");
            // The Home Office's categories too, so both schemes can be published: bands, never an age.
            assertThat(snapshot.get("homeOfficeAgeBand").asText()).isEqualTo("15-20");
            assertThat(snapshot.get("homeOfficeConcernType").asText()).isEqualTo("EXTREME_RIGHT_WING");
            assertThat(snapshot.get("referralPseudonym").asText()).isEqualTo(pseudonym);
        }
    }

    @Test
    void twoSimultaneousStepsOnOneReferralLetOneWin() throws Exception {
        UUID referral = refer("race-school", aReferral().build());
        step(referral, "start-screening").statusCode(200);
        String etag = asLead().get("/referrals/" + referral).then().extract().header("ETag");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = pool.submit(() -> asLead().header("If-Match", etag).body(Map.of("reason", "A"))
                .post("/referrals/" + referral + "/steps/list-for-panel").statusCode());
        var second = pool.submit(() -> asLead().header("If-Match", etag).body(Map.of("reason", "B"))
                .post("/referrals/" + referral + "/steps/no-further-action").statusCode());
        List<Integer> statuses = List.of(first.get(), second.get());
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, statuses.contains(412) ? 412 : 409);
        assertThat(Sql.count("SELECT count(*) FROM referral_step WHERE referral_id = ?", referral)).isEqualTo(3);
    }
}
