package org.preventhub.engagement.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.GovernanceFixtures.asLead;
import static org.preventhub.engagement.support.GovernanceFixtures.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.reminder.StaffReminders;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.infra.TestInfrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Engagement officers who asked hear, once, of a document past its review date, and not once it is reviewed. */
@QuarkusTest
class DocumentRemindersTest {

    @Inject
    StaffReminders reminders;

    @ConfigProperty(name = "hub.reference.timezone")
    ZoneId zone;

    @Test
    void anOfficerWhoChoseImmediateRemindersHearsOnceOfADocumentPastItsReviewDateWithItsLink() {
        String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        String email = officer + "@council.example.org";
        given().auth().oauth2(TestTokens.as(Roles.ENGAGEMENT_OFFICER).username(officer).email(email).token())
                .contentType(ContentType.JSON).body(Map.of("delivery", "IMMEDIATE")).put("/me/reminder-preferences")
                .then().statusCode(200);
        Map<String, Object> terms = document("CTLP", organisation("COUNCIL"), "OFFICIAL");
        String title = "Reminder test terms " + UUID.randomUUID().toString().substring(0, 8);
        terms.put("title", title);
        terms.put("issuedOn", LocalDate.now(zone).minusMonths(13).toString());
        String id = asLead().body(terms).post("/documents").then().statusCode(201).extract().path("id");

        LocalDate today = LocalDate.now(zone);
        reminders.collect(today);
        reminders.collect(today.plusDays(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reminders.dispatch();
            return mentioning(email, id) >= 1;
        });
        MimeMessage message = TestInfrastructure.mail().receivedBy(email).stream()
                .filter(m -> whole(m).contains(id)).findFirst().orElseThrow();
        assertThat(whole(message)).contains("Document past its review date").contains(title).contains("/documents/" + id);
        reminders.collect(today.plusDays(2));
        reminders.dispatch();
        assertThat(mentioning(email, id)).as("once").isEqualTo(1);
    }

    private static long mentioning(String address, String words) {
        List<MimeMessage> received = TestInfrastructure.mail().receivedBy(address);
        return received.stream().filter(m -> whole(m).contains(words)).count();
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
