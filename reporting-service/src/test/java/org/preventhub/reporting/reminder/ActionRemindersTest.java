package org.preventhub.reporting.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.reminder.StaffReminders;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.infra.TestInfrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The Prevent lead who asked hears, once, of an action-plan item past its due date and still open, by its title,
 * reference and link only; not of a completed or deferred one, and nothing at all after choosing OFF.
 */
@QuarkusTest
class ActionRemindersTest {

    @Inject
    StaffReminders reminders;

    @ConfigProperty(name = "hub.reference.timezone")
    ZoneId zone;

    @Test
    void aLeadWhoChoseADigestHearsOnceOfAnOpenActionPastItsDueDateWithItsLinkAndNothingPersonal() {
        String lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        String email = lead + "@warwickshire.example.org";
        choose(lead, email, "DAILY_DIGEST");
        LocalDate today = LocalDate.now(zone);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Reminder test: deliver WRAP sessions in every secondary school " + suffix;
        String open = action(title, "IN_PROGRESS", today.minusDays(10));
        String completed = action("Completed action " + suffix, "COMPLETED", today.minusDays(10));
        String deferred = action("Deferred action " + suffix, "DEFERRED", today.minusDays(10));
        String notYetDue = action("Future action " + suffix, "NOT_STARTED", today.plusDays(30));
        asLead(lead, email).body(Map.of("on", today.minusDays(2).toString(), "note", "Spoke to Mrs Example " + suffix))
                .post("/actions/" + open + "/progress").then().statusCode(200);

        reminders.collect(today);
        reminders.digest(noon(today));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reminders.dispatch();
            return mentioning(email, open) >= 1;
        });
        MimeMessage message = TestInfrastructure.mail().receivedBy(email).stream()
                .filter(m -> whole(m).contains(open)).findFirst().orElseThrow();
        String text = body(message);
        assertThat(text).contains("Action plan item past its due date").contains(title.substring(0, 39) + "…")
                .contains("/actions/" + open).contains("Why you received this");
        assertThat(text).as("a reference, not the whole title").doesNotContain(title);
        assertThat(whole(message)).doesNotContain(completed).doesNotContain(deferred).doesNotContain(notYetDue)
                .as("no description, owner or progress note").doesNotContain("Description " + suffix)
                .doesNotContain("Owner " + suffix).doesNotContain("Mrs Example");
        assertThat(text).as("not even the recipient's own name or address").doesNotContain(lead);

        // The next day's run finds the same item still open: nothing new to send.
        reminders.collect(today.plusDays(1));
        reminders.digest(noon(today.plusDays(1)));
        reminders.dispatch();
        assertThat(mentioning(email, open)).as("once").isEqualTo(1);
    }

    @Test
    void aLeadWhoTurnedRemindersOffGetsNothing() {
        String lead = "lead-off-" + UUID.randomUUID().toString().substring(0, 8);
        String email = lead + "@warwickshire.example.org";
        choose(lead, email, "IMMEDIATE");
        choose(lead, email, "OFF");
        LocalDate today = LocalDate.now(zone);
        String open = action("Overdue while off " + UUID.randomUUID().toString().substring(0, 8), "NOT_STARTED",
                today.minusDays(3));

        reminders.collect(today);
        reminders.digest(noon(today));
        reminders.dispatch();
        assertThat(Sql.count("SELECT count(*) FROM staff_reminder WHERE recipient_id = ?", "user-" + lead)).isZero();
        assertThat(mentioning(email, open)).isZero();
        assertThat(TestInfrastructure.mail().receivedBy(email)).isEmpty();
    }

    @Test
    void onlyThePreventLeadChoosesActionReminders() {
        for (String role : List.of(Roles.ANALYST, Roles.ADMIN, Roles.ENGAGEMENT_OFFICER, Roles.CHANNEL_PANEL)) {
            given().auth().oauth2(TestTokens.as(role).username("not-lead").email("not-lead@example.org").token())
                    .contentType(ContentType.JSON).body(Map.of("delivery", "IMMEDIATE")).put("/me/reminder-preferences")
                    .then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("delivery", "IMMEDIATE")).put("/me/reminder-preferences")
                .then().statusCode(401);
    }

    private static void choose(String lead, String email, String delivery) {
        asLead(lead, email).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("delivery", delivery))
                .put("/me/reminder-preferences").then().statusCode(200);
    }

    private static RequestSpecification asLead(String lead, String email) {
        return given().auth().oauth2(TestTokens.as(Roles.PREVENT_LEAD).agency("warwickshire-county-council")
                .username(lead).email(email).token()).contentType(ContentType.JSON);
    }

    private static String action(String title, String status, LocalDate dueOn) {
        Map<String, Object> action = new HashMap<>();
        String suffix = title.substring(title.length() - 8);
        action.put("priority", "AWARENESS_LEARNING");
        action.put("title", title);
        action.put("description", "Description " + suffix);
        action.put("ownerOrganisation", "Owner " + suffix);
        action.put("dueOn", dueOn.toString());
        action.put("status", status);
        action.put("rag", "COMPLETED".equals(status) ? "GREEN" : "AMBER");
        return asLead("planner", "planner@warwickshire.example.org").body(action).post("/actions").then()
                .statusCode(201).extract().path("id");
    }

    private Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    private static long mentioning(String address, String words) {
        return TestInfrastructure.mail().receivedBy(address).stream().filter(m -> whole(m).contains(words)).count();
    }

    private static String body(MimeMessage message) {
        try {
            return message.getSubject() + "\n" + message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String whole(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8) + "\n" + message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
