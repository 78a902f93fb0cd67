package org.preventhub.referral.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.referral.support.ReferralApi.adopted;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.reminder.StaffReminders;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.support.ReferralBuilder;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.infra.TestInfrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Staff hear of Channel work falling due, as they chose, by reference and link only: against a real SMTP server. */
@QuarkusTest
class StaffRemindersTest {

    /** Generous: CI once timed out at 20 s here (cause not found; the failure message below now says more). */
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @Inject
    StaffReminders reminders;

    @ConfigProperty(name = "hub.reference.timezone")
    ZoneId zone;

    @Test
    void aPanelMembersDailyDigestHoldsTheirPanelsStalledReferralByReferenceAndLinkAndNothingAboutThePerson()
            throws Exception {
        String member = "panel-" + UUID.randomUUID().toString().substring(0, 8);
        String email = member + "@police.example.org";
        asStaff(member, email).get("/me/reminder-preferences").then().statusCode(404);
        asStaff(member, email).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("delivery", "DAILY_DIGEST")).put("/me/reminder-preferences").then().statusCode(200)
                .body("delivery", equalTo("DAILY_DIGEST")).body("email", equalTo(email));
        ReferralBuilder person = aReferral();
        UUID theirs = adopted(refer("digest-school", person.build()), panel(member));
        UUID another = adopted(refer("digest-school", aReferral().build()), panel("someone-else"));

        // Forty days without a step: stalled (28 days). Recorded, but a digest waits for its hour.
        LocalDate later = LocalDate.now(zone).plusDays(40);
        reminders.collect(later);
        reminders.collect(later);
        reminders.dispatch();
        assertThat(TestInfrastructure.mail().receivedBy(email)).isEmpty();

        Instant noon = LocalDate.now(zone).atTime(12, 0).atZone(zone).toInstant();
        assertThat(reminders.digest(noon)).isGreaterThanOrEqualTo(1);
        assertThat(reminders.digest(noon.plusSeconds(3600))).as("one digest a day").isZero();
        List<MimeMessage> received = delivered(email, 1);

        String message = whole(received.get(0));
        assertThat(received.get(0).getSubject()).isEqualTo("Work reminders: 1 item due");
        assertThat(message).contains(reference(theirs)).contains("/referrals/" + theirs)
                .contains("No step for 28 days at stage ADOPTED").contains("Why you received this")
                .doesNotContain(reference(another)).doesNotContain(another.toString());
        Map<String, Object> sent = person.build();
        @SuppressWarnings("unchecked")
        Map<String, Object> about = (Map<String, Object>) sent.get("person");
        for (String field : List.of("name", "dateOfBirth", "address", "schoolOrEmployer", "ethnicity")) {
            assertThat(message).as(field).doesNotContain(about.get(field).toString());
        }
        assertThat(message).doesNotContain(sent.get("prompt").toString()).doesNotContain("neurodiversity")
                .doesNotContain("dsl@school.example.org").doesNotContain("Designated Safeguarding Lead")
                .doesNotContain("mentoring agreed");
        assertThat(Sql.count("SELECT count(*) FROM reminder_recipient WHERE email_enc LIKE ?", "%" + email + "%"))
                .as("the address is encrypted at rest").isZero();
    }

    @Test
    void immediateRemindersArriveOnceWhenTheyFallDueAndThoseWhoChoseOffGetNone() {
        String lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        String off = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        choose(lead, Roles.PREVENT_LEAD, "IMMEDIATE");
        choose(off, Roles.PREVENT_LEAD, "OFF");
        UUID referral = adopted(refer("immediate-school", aReferral().build()), panel("panel-member"));
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PARENT_OR_GUARDIAN")).statusCode(200);
        step(referral, "support-plan", Map.of("plan", Map.of("providers", List.of("Mentor")))).statusCode(200);
        step(referral, "exit", Map.of("reason", "Done", "exitOutcome", "NO_FURTHER_CONCERNS")).statusCode(200);
        String review = "6-month review after exit: " + reference(referral);

        // The review falls due six months after exit and is reminded a fortnight ahead, to every lead who asked.
        LocalDate sixMonthsOn = LocalDate.now(zone).plusMonths(6);
        reminders.collect(sixMonthsOn.minusMonths(1));
        reminders.dispatch();
        assertThat(mentioning(mail(lead), review)).as("not due yet").isZero();
        reminders.collect(sixMonthsOn.minusDays(14));
        reminders.collect(sixMonthsOn.minusDays(13));
        try {
            await().atMost(ARRIVAL).until(() -> {
                reminders.dispatch();
                return mentioning(mail(lead), review) >= 1;
            });
        } catch (ConditionTimeoutException e) {
            // Says why, should it ever not arrive: were they made, and how did each sending end?
            throw new AssertionError("no review reminder for " + lead + "; their messages: " + Sql.rows(
                    "SELECT status, attempts, last_error FROM staff_notification WHERE recipient_id = ?", lead)
                    + "; their reminders: " + Sql.rows("SELECT kind, reference, due_on, notification_id "
                            + "FROM staff_reminder WHERE recipient_id = ? AND reference = ?", lead,
                            reference(referral)), e);
        }
        reminders.collect(sixMonthsOn);
        reminders.dispatch();
        assertThat(mentioning(mail(lead), review)).as("once").isEqualTo(1);
        assertThat(TestInfrastructure.mail().receivedBy(mail(off))).isEmpty();
    }

    /** Messages to the address whose text holds the words (other tests' referrals may be due for a lead too). */
    private static long mentioning(String address, String words) {
        return TestInfrastructure.mail().receivedBy(address).stream().filter(m -> whole(m).contains(words)).count();
    }

    @Test
    void onlyTheCallerChoosesForThemselfAndOnlyWithAnAddressInTheirToken() {
        given().auth().oauth2(TestTokens.as(Roles.CHANNEL_PANEL).username("panel-no-address").token())
                .contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("delivery", "IMMEDIATE")).put("/me/reminder-preferences").then().statusCode(409)
                .body("type", equalTo("urn:prevent-hub:problem:no-email-address"));
        given().auth().oauth2(TestTokens.as(Roles.REFERRER).username("referrer-x").email("r@school.example.org").token())
                .contentType(ContentType.JSON).body(Map.of("delivery", "IMMEDIATE")).put("/me/reminder-preferences")
                .then().statusCode(403);
        asStaff("panel-bad-choice", "p@police.example.org").body(Map.of("delivery", "HOURLY"))
                .put("/me/reminder-preferences").then().statusCode(400);
    }

    private static void choose(String username, String role, String delivery) {
        given().auth().oauth2(TestTokens.as(role).agency("warwickshire-county-council").username(username)
                .email(mail(username)).token()).contentType(ContentType.JSON)
                .body(Map.of("delivery", delivery)).put("/me/reminder-preferences").then().statusCode(200);
    }

    private static String mail(String username) {
        return username + "@council.example.org";
    }

    private static RequestSpecification asStaff(String username, String email) {
        return given().auth().oauth2(TestTokens.as(Roles.CHANNEL_PANEL).agency("warwickshire-police").username(username)
                .email(email).token()).contentType(ContentType.JSON);
    }

    private List<MimeMessage> delivered(String address, int count) {
        await().atMost(ARRIVAL).until(() -> {
            reminders.dispatch();
            return TestInfrastructure.mail().receivedBy(address).size() >= count;
        });
        return TestInfrastructure.mail().receivedBy(address);
    }

    private static String reference(UUID referral) {
        return Sql.rows("SELECT reference FROM referral WHERE id = ?", referral).get(0).get("reference").toString();
    }

    /** The message as it travelled (headers, every part, as encoded) and its text as decoded. */
    private static String whole(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            Object content = message.getContent();
            StringBuilder decoded = new StringBuilder();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    decoded.append(parts.getBodyPart(i).getContent()).append('\n');
                }
            } else {
                decoded.append(content);
            }
            return out.toString(StandardCharsets.UTF_8) + "\n" + decoded;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
