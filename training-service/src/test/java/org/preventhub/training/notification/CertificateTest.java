package org.preventhub.training.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.holdSession;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.training.booking.BookingRequest;
import org.preventhub.training.support.Mailbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A certificate of attendance, on request, to the booking's own address, for a session attended only. */
@QuarkusTest
class CertificateTest {

    @Test
    void anAttendeeAsksForTheirCertificateAndGetsItOnceAsAPdfNamingTheCourse() throws IOException, MessagingException {
        UUID session = scheduleSession(aSession(createCourse()).build());
        BookingRequest attendee = anAttendee().build();
        JsonPath booking = book(session, attendee);
        Mailbox.await(attendee.email(), 1); // the confirmation
        String title = asTrainer().get("/sessions/" + session).then().extract().path("course.title");
        holdSession(session);
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", booking.getString("id"), "attended", true))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);

        String path = "/bookings/" + booking.getString("reference") + "/certificate";
        as(Roles.BOOKING).body(Map.of("secret", "not-the-secret")).post(path).then().statusCode(404);
        String key = UUID.randomUUID().toString();
        String first = as(Roles.BOOKING).header("Idempotency-Key", key)
                .body(Map.of("secret", booking.getString("cancellationSecret"))).post(path).then().statusCode(202)
                .extract().path("requestId");
        String retried = as(Roles.BOOKING).header("Idempotency-Key", key)
                .body(Map.of("secret", booking.getString("cancellationSecret"))).post(path).then().statusCode(202)
                .extract().path("requestId");
        assertThat(retried).isEqualTo(first);

        MimeMessage mail = Mailbox.await(attendee.email(), 2).get(1);
        assertThat(mail.getSubject()).isEqualTo("Certificate of attendance: " + title);
        try (PDDocument pdf = Loader.loadPDF(Mailbox.attachment(mail, "application/pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Certificate of attendance", title, "hour");
        }
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(5))
                .until(() -> Mailbox.of(attendee.email()).size() == 2);
    }

    @Test
    void aBookingNotMarkedAttendedGetsAConflict() {
        UUID session = scheduleSession(aSession(createCourse()).build());
        JsonPath booking = book(session, anAttendee().build());
        as(Roles.BOOKING).body(Map.of("secret", booking.getString("cancellationSecret")))
                .post("/bookings/" + booking.getString("reference") + "/certificate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:not-attended"));
    }
}
