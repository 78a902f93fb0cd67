package org.preventhub.referral.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.asReferrer;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReferralIntakeTest {

    @Test
    void aReferrerMayDateAReferralAtMostSevenDaysBackAndOnlyThePreventLeadEarlier() {
        String agency = "backdating-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now();
        asReferrer(agency).body(aReferral().receivedOn(today.minusDays(7)).build()).post("/referrals").then()
                .statusCode(201);
        long before = Sql.count("SELECT count(*) FROM referral WHERE referrer_agency = ?", agency);

        asReferrer(agency).body(aReferral().receivedOn(today.minusDays(8)).build()).post("/referrals").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("receivedOn"));
        asReferrer(agency).body(aReferral().receivedOn(today.minusYears(2)).build()).post("/referrals").then()
                .statusCode(400).body("violations.field", hasItems("receivedOn"));
        assertThat(Sql.count("SELECT count(*) FROM referral WHERE referrer_agency = ?", agency)).isEqualTo(before);

        asLead().body(aReferral().agency(agency).receivedOn(today.minusYears(2)).build()).post("/referrals").then()
                .statusCode(201);
        // Never in the future, and not before the window's start, whoever enters it.
        asLead().body(aReferral().agency(agency).receivedOn(today.plusDays(1)).build()).post("/referrals").then()
                .statusCode(400).body("violations.field", hasItems("receivedOn"));
        asLead().body(aReferral().agency(agency).receivedOn(LocalDate.of(1989, 12, 31)).build()).post("/referrals")
                .then().statusCode(400).body("violations.field", hasItems("receivedOn"));
    }

    @Test
    void datesOutsideTheirPlausibleWindowAreRefusedNamingTheFieldNeverA500() {
        Map<String, Object> referral = aReferral().agency("window-agency").build();
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) referral.get("person");
        person.put("dateOfBirth", "1899-12-31");
        asLead().body(referral).post("/referrals").then().statusCode(400)
                .body("violations.field", hasItems("person.dateOfBirth"));
        person.put("dateOfBirth", "+999999999-12-31");
        asLead().body(referral).post("/referrals").then().statusCode(400).contentType("application/problem+json");

        Map<String, Object> chair = Map.of("userId", "user-lead", "name", "Chair", "agency", "warwickshire-county-council");
        for (String day : List.of("+999999999-01-01", "0001-01-01", "1989-12-31", LocalDate.now().plusYears(10).plusDays(1).toString())) {
            asLead().body(Map.of("meetsOn", day, "chair", chair)).post("/panels").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItems("meetsOn"));
        }
        asLead().body(Map.of("meetsOn", LocalDate.now().plusYears(10).toString(), "chair", chair)).post("/panels")
                .then().statusCode(201);
        asLead().body(Map.of("name", "Jamie Example", "from", "-999999999-01-01")).post("/referrals/search").then()
                .statusCode(400).body("violations.field", hasItems("from"));
    }

    @Test
    void aNulInAQueryParameterOrAPathIsRefusedNamingItNeverStored() {
        asLead().urlEncodingEnabled(false).get("/referrals?area=rug%00by").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItems("area"))
                .body("violations.message", hasItems(org.hamcrest.Matchers.containsString("NUL")));
        asLead().urlEncodingEnabled(false).get("/panels/ab%00cd").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItems("path"));
    }


    private static long referrals() {
        return Sql.count("SELECT count(*) FROM referral");
    }

    @Test
    void aReferrerRefersForTheirOwnAgencyAndTheAgeBandIsDerived() {
        String agency = "intake-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> referral = aReferral().agency("someone-elses-agency").bornOn(LocalDate.now().minusYears(14)).build();
        String id = asReferrer(agency).body(referral).post("/referrals").then().statusCode(201)
                .body("reference", startsWith("CH-" + LocalDate.now().getYear() + "-"))
                .body("status", equalTo("RECEIVED"))
                .extract().path("id");
        assertThat(Sql.rows("SELECT referrer_agency, age_band FROM referral WHERE id = ?", UUID.fromString(id)))
                .containsExactly(Map.of("referrer_agency", agency, "age_band", "under-15"));

        // The Prevent lead may refer on an agency's behalf, and backdate an earlier referral.
        String backdated = asLead().body(aReferral().agency("warwickshire-police").receivedOn(LocalDate.of(2019, 10, 2)).adult().build())
                .post("/referrals").then().statusCode(201).extract().path("id");
        asLead().get("/referrals/" + backdated).then().statusCode(200)
                .body("referrer.agency", equalTo("warwickshire-police"))
                .body("journey.receivedOn", equalTo("2019-10-02"))
                .body("person.ageBand", equalTo("21-30"));
    }

    @Test
    void badReferralsAreRefusedWithTheFieldsNamedAndNothingStored() {
        long before = referrals();
        Map<String, Object> referral = aReferral().concerns("ANARCHIST_CHEESE").area("atlantis").build();
        asReferrer("bad-input").body(referral).post("/referrals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("concernTypes[0]", "person.area"));
        Map<String, Object> unborn = aReferral().bornOn(LocalDate.now().plusDays(3)).build();
        asReferrer("bad-input").body(unborn).post("/referrals").then().statusCode(400)
                .body("violations.field", hasItems("person.dateOfBirth"));
        asReferrer("bad-input").body(Map.of("person", Map.of())).post("/referrals").then().statusCode(400);
        asReferrer("bad-input").body("{\"referrer\": ").post("/referrals").then().statusCode(400)
                .body("type", equalTo("urn:prevent-hub:problem:malformed-body"));
        Map<String, Object> huge = aReferral().prompt("x".repeat(2_000_000)).build();
        asReferrer("bad-input").body(huge).post("/referrals").then().statusCode(413);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.as(Roles.REFERRER).token()).contentType("application/json")
                .body(aReferral().build()).post("/referrals").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("agency"));
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void theReferrersSectorIsOneOfTheSuitesSectorsWithPrisonsAndProbationApart() {
        for (String sector : new String[] { "PRISONS", "PROBATION" }) {
            String id = asReferrer("hmpps-" + sector.toLowerCase()).body(aReferral().sector(sector).build())
                    .post("/referrals").then().statusCode(201).extract().path("id");
            assertThat(Sql.rows("SELECT referrer_sector FROM referral WHERE id = ?", UUID.fromString(id)))
                    .containsExactly(Map.of("referrer_sector", sector));
        }
        long before = referrals();
        asReferrer("bad-input").body(aReferral().sector("CRIMINAL_JUSTICE").build()).post("/referrals").then()
                .statusCode(400).body("violations.field", hasItems("referrer.sector"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("PRISONS, PROBATION"));
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void errorsNeverEchoThePersonsData() {
        Map<String, Object> referral = aReferral().name("Unmistakable Name-Zebra").area("atlantis").build();
        String body = asReferrer("echo-test").body(referral).post("/referrals").then().statusCode(400).extract().asString();
        assertThat(body).doesNotContain("Unmistakable", "Zebra", "Example Road", "atlantis");
    }

    @Test
    void aRetriedReferralWithTheSameKeyIsStoredOnce() {
        Map<String, Object> referral = aReferral().build();
        String key = UUID.randomUUID().toString();
        String first = asReferrer("retry-school").header("Idempotency-Key", key).body(referral).post("/referrals")
                .then().statusCode(201).extract().path("id");
        String again = asReferrer("retry-school").header("Idempotency-Key", key).body(referral).post("/referrals")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(Sql.count("SELECT count(*) FROM referral WHERE referrer_agency = 'retry-school'")).isEqualTo(1);
        assertThat(List.of(first)).hasSize(1);
    }
}
