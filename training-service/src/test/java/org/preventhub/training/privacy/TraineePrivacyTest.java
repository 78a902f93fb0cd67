package org.preventhub.training.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.preventhub.training.support.AttendeeBuilder.anAttendee;
import static org.preventhub.training.support.SessionBuilder.aSession;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;
import static org.preventhub.training.support.TrainingApi.book;
import static org.preventhub.training.support.TrainingApi.createCourse;
import static org.preventhub.training.support.TrainingApi.holdSession;
import static org.preventhub.training.support.TrainingApi.scheduleSession;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.training.support.CompletionFile;
import org.preventhub.training.support.CourseBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Trainees' identifying fields are encrypted at rest and found by keyed hash; the Prevent lead exports everything
 * held about a trainee and erases it on request, each request logged; after an erasure their name and e-mail address
 * are in no table and no figure changes.
 */
@QuarkusTest
class TraineePrivacyTest {

    private static final String PURPOSE = "X-Access-Purpose";

    private static final String LEAD = "lead-subject-access";

    private static RequestSpecification lead(String purpose) {
        return given().auth().oauth2(TestTokens.as(Roles.PREVENT_LEAD).username(LEAD).token())
                .contentType(io.restassured.http.ContentType.JSON).header(PURPOSE, purpose);
    }

    /** Every row of every table of the service's database, as text, that contains {@code value}. */
    private static long rowsContaining(String value) {
        long found = 0;
        for (Map<String, Object> table : Sql.rows("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")) {
            found += Sql.count("SELECT count(*) FROM \"" + table.get("table_name") + "\" t WHERE t::text ILIKE ?",
                    "%" + value + "%");
        }
        return found;
    }

    /** A trainee who booked and came to one session, evaluated it, walked in to another, and a council reported. */
    private record Trainee(String name, String email, UUID booked, UUID walkedIn, UUID walkedInNoEmail, UUID course,
            String courseCode, JsonPath booking, String source) {
    }

    private static Trainee aTraineeWithAHistory() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Quenby Marlowe-" + tag;
        String email = "quenby." + tag + "@example.org";
        String courseCode = CourseBuilder.aCourse().build().code();
        UUID course = createCourse(CourseBuilder.aCourse().code(courseCode).build());

        UUID booked = scheduleSession(aSession(course).build());
        JsonPath booking = book(booked, anAttendee().name(name).email(email).organisation("Marlowe Trust " + tag).build());
        holdSession(booked);
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", booking.getString("id"), "attended", true))))
                .put("/sessions/" + booked + "/attendance").then().statusCode(200);
        asTrainer().post("/sessions/" + booked + "/delivery").then().statusCode(200);
        as(Roles.BOOKING).body(Map.of("secret", booking.getString("cancellationSecret"), "understandsHowToShareConcern", true,
                "confidenceBefore", 2, "confidenceAfter", 4, "usefulness", 5, "comments", "Thank you, said " + name))
                .post("/bookings/" + booking.getString("reference") + "/evaluation").then().statusCode(201);

        UUID walkedIn = scheduleSession(aSession(course).build());
        holdSession(walkedIn);
        asTrainer().body(Map.of("walkIns", List.of(Map.of("name", name, "email", email.toUpperCase(),
                "organisation", "Marlowe Trust " + tag, "sector", "COMMUNITY", "jobRole", "Volunteer coordinator"))))
                .put("/sessions/" + walkedIn + "/attendance").then().statusCode(200);
        UUID walkedInNoEmail = scheduleSession(aSession(course).build());
        holdSession(walkedInNoEmail);
        asTrainer().body(Map.of("walkIns", List.of(Map.of("name", name.toLowerCase(), "sector", "COMMUNITY"))))
                .put("/sessions/" + walkedInNoEmail + "/attendance").then().statusCode(200);

        String source = "council-" + tag;
        String feed = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
        given().auth().oauth2(feed).contentType("text/csv").header("Prefer", "wait=60")
                .body(CompletionFile.withPrefix(source).line(new CompletionFile.Line(source + "-1", name, email, "COMMUNITY",
                        courseCode, "2020-05-14", "e-learning", "warwick", "yes")).csv())
                .post("/feeds/completions/imports").then().statusCode(200).body("status", equalTo("APPLIED"));
        return new Trainee(name, email, booked, walkedIn, walkedInNoEmail, course, courseCode, booking, source);
    }

    @Test
    void traineesNamesAndEmailsAreEncryptedAtRestAndFoundByTheirKeyedHash() {
        Trainee trainee = aTraineeWithAHistory();

        // The booking, the marks and the comments hold ciphertext; only the council's record keeps its text.
        assertThat(Sql.rows("SELECT attendee_name_enc, attendee_email_enc FROM booking WHERE id = ?",
                UUID.fromString(trainee.booking().getString("id"))).get(0).values())
                .allSatisfy(value -> assertThat(value.toString()).startsWith("v1.demo-1."));
        assertThat(rowsContaining(trainee.email())).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM completion_record WHERE email = ?", trainee.email())).isEqualTo(1);
        assertThat(rowsContaining("said " + trainee.name())).isZero();
        assertThat(rowsContaining("Volunteer coordinator")).isZero();

        // Staff still find a booking by e-mail address (by its keyed hash, whatever its case), and read it in clear.
        asTrainer().queryParam("email", trainee.email().toUpperCase()).get("/bookings").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].attendee.name", equalTo(trainee.name()));
        asTrainer().get("/sessions/" + trainee.walkedIn() + "/attendance").then()
                .body("items[0].email", equalTo(trainee.email())).body("items[0].jobRole", equalTo("Volunteer coordinator"));
        asTrainer().get("/sessions/" + trainee.booked() + "/evaluations").then()
                .body("items[0].comments", equalTo("Thank you, said " + trainee.name()));
        // And the same address cannot book a session twice.
        UUID next = scheduleSession(aSession(trainee.course()).build());
        book(next, anAttendee().email(trainee.email()).build());
        as(Roles.BOOKING).body(anAttendee().email(trainee.email().toUpperCase()).build())
                .post("/sessions/" + next + "/bookings").then().statusCode(409);
    }

    @Test
    void thePreventLeadExportsEverythingHeldAboutATraineeAndTheRequestIsLogged() {
        Trainee trainee = aTraineeWithAHistory();
        String purpose = "Subject access request " + UUID.randomUUID().toString().substring(0, 6);

        JsonPath export = lead(purpose).body(Map.of("email", trainee.email(), "name", trainee.name()))
                .post("/subject-access").then().statusCode(200).extract().jsonPath();

        assertThat(export.getList("bookings.id")).containsExactly(trainee.booking().getString("id"));
        assertThat(export.getString("bookings[0].attendee.organisation")).startsWith("Marlowe Trust");
        assertThat(export.getList("attendance.sessionId")).containsExactlyInAnyOrder(trainee.booked().toString(),
                trainee.walkedIn().toString(), trainee.walkedInNoEmail().toString());
        assertThat(export.getString("evaluations[0].comments")).isEqualTo("Thank you, said " + trainee.name());
        assertThat(export.getList("councilRecords.recordId")).containsExactly(trainee.source() + "-1");
        // Who asked, when and why, and how many records: the log names no trainee.
        lead(purpose).get("/subject-access/log").then().statusCode(200)
                .body("items[0].action", equalTo("EXPORT")).body("items[0].purpose", equalTo(purpose))
                .body("items[0].requestedBy", equalTo("user-" + LEAD))
                .body("items[0].bookings", equalTo(1)).body("items[0].attendance", equalTo(3))
                .body("items[0].evaluations", equalTo(1)).body("items[0].completions", equalTo(1));
        assertThat(Sql.count("SELECT count(*) FROM subject_access_log t WHERE t::text ILIKE ?", "%quenby%")).isZero();
        // A second export shows the first.
        lead(purpose).body(Map.of("email", trainee.email())).post("/subject-access").then().statusCode(200)
                .body("earlierRequests.action", hasItem("EXPORT"))
                .body("attendance.size()", equalTo(2)); // without the name, not the walk-in who gave no address
    }

    @Test
    void afterAnErasureOnRequestTheTraineesNameAndEmailAreInNoTableAndNoFigureChanges() {
        Trainee trainee = aTraineeWithAHistory();
        // A seat on a session still to come, with someone waiting for it.
        UUID upcoming = scheduleSession(aSession(trainee.course()).capacity(1).build());
        JsonPath seat = book(upcoming, anAttendee().name(trainee.name()).email(trainee.email()).build());
        JsonPath waiting = book(upcoming, anAttendee().build());
        String summary = "/courses/" + trainee.course() + "/evaluation-summary";
        String before = asTrainer().get(summary).then().statusCode(200).extract().asString();
        String heldSession = asTrainer().get("/sessions/" + trainee.booked()).then().extract().path("seatsTaken").toString();
        long eventsBefore = Sql.count("SELECT count(*) FROM outbox_event");
        List<Object> marks = Sql.rows("SELECT id FROM attendance WHERE session_id IN (?, ?, ?)", trainee.booked(),
                trainee.walkedIn(), trainee.walkedInNoEmail()).stream().map(row -> row.get("id")).toList();
        assertThat(marks).hasSize(3);
        assertThat(rowsContaining(trainee.email())).isPositive();
        assertThat(rowsContaining(trainee.name())).isPositive();

        lead("Erasure request of today").body(Map.of("email", trainee.email(), "name", trainee.name()))
                .post("/subject-access/erasure").then().statusCode(200)
                .body("bookings", equalTo(2)).body("bookingsCancelled", equalTo(1)).body("attendance", equalTo(3))
                .body("evaluations", equalTo(1)).body("completions", equalTo(1));

        assertThat(rowsContaining(trainee.email())).isZero();
        assertThat(rowsContaining(trainee.name())).isZero();
        assertThat(rowsContaining(trainee.name().toLowerCase())).isZero();
        assertThat(rowsContaining("Marlowe Trust")).isZero();
        // The figures: the course's evaluation summary (people trained, responses, the target) and the delivered
        // session's seats, exactly as before; the records stay, without anyone in them.
        assertThat(asTrainer().get(summary).then().statusCode(200).extract().asString()).isEqualTo(before);
        asTrainer().get("/sessions/" + trainee.booked()).then().body("seatsTaken", equalTo(Integer.parseInt(heldSession)));
        asTrainer().get("/bookings/" + trainee.booking().getString("id")).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("attendee.name", equalTo(null))
                .body("attendee.sector", equalTo("LOCAL_AUTHORITY"));
        assertThat(Sql.count("SELECT count(*) FROM attendance WHERE booking_id = ? AND attended",
                UUID.fromString(trainee.booking().getString("id")))).isEqualTo(1);
        // Reporting's figures come from events: the only ones published are the upcoming seat's cancellation, the
        // promotion of the person waiting for it, and each mark's erasure (for engagement's copy of staff's
        // completions), which names no one.
        assertThat(Sql.count("SELECT count(*) FROM outbox_event") - eventsBefore).isEqualTo(5);
        assertThat(erasedEvents(marks)).containsExactlyInAnyOrderElementsOf(marks.stream()
                .map(id -> "{\"attendanceId\":\"" + id + "\",\"reason\":\"SUBJECT_REQUEST\"}").toList());
        asTrainer().get("/bookings/" + seat.getString("id")).then().body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("ERASURE_REQUESTED"));
        asTrainer().get("/bookings/" + waiting.getString("id")).then().body("status", equalTo("CONFIRMED"));
        lead("Erasure request of today").get("/subject-access/log").then()
                .body("items[0].action", equalTo("ERASE")).body("items[0].purpose", equalTo("Erasure request of today"));
        // Nothing left to find.
        lead("Checking the erasure").body(Map.of("email", trainee.email(), "name", trainee.name())).post("/subject-access")
                .then().statusCode(200).body("bookings.size()", equalTo(0)).body("attendance.size()", equalTo(0))
                .body("councilRecords.size()", equalTo(0));
    }

    /** The payloads of the erasure events of these marks, as published. */
    private static List<String> erasedEvents(List<Object> marks) {
        return Sql.rows("SELECT payload::text AS payload FROM outbox_event WHERE type = ? AND aggregatetype = ? "
                + "AND aggregateid = ANY(?)", TrainingEventTypes.ATTENDANCE_ERASED, TrainingEventTypes.AGGREGATE_ATTENDANCE,
                marks.stream().map(Object::toString).toArray(String[]::new)).stream()
                .map(row -> ((String) row.get("payload")).replace(" ", "")).toList();
    }

    @Test
    void onlyThePreventLeadAsksAndEveryRequestSaysWhy() {
        Map<String, String> someone = Map.of("email", "nobody@example.org");
        for (String path : List.of("/subject-access", "/subject-access/erasure")) {
            asTrainer().header(PURPOSE, "curious").body(someone).post(path).then().statusCode(403);
            as(Roles.BOOKING).header(PURPOSE, "curious").body(someone).post(path).then().statusCode(403);
            as(Roles.PREVENT_LEAD).body(someone).post(path).then().statusCode(400)
                    .body("violations[0].field", equalTo(PURPOSE));
            lead("Request of today").body(Map.of("name", "No Address")).post(path).then().statusCode(400)
                    .body("violations[0].field", equalTo("email"));
        }
        asTrainer().get("/subject-access/log").then().statusCode(403);
        as(Roles.PREVENT_LEAD).post("/retention/runs").then().statusCode(200);
        asTrainer().post("/retention/runs").then().statusCode(403);
    }

    @Test
    void theRetentionRuleErasesIdentitiesOfSessionsThatEndedLongerAgoAndKeepsTheCounts() {
        UUID course = createCourse();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // A session four years ago (its register entered now), and one yesterday.
        UUID old = scheduleSession(aSession(course).startingAt(OffsetDateTime.now(ZoneOffset.UTC).minusYears(4)).build());
        JsonPath oldBooking = asTrainer().body(anAttendee().name("Ottoline Vane-" + tag).email("ottoline." + tag + "@example.org")
                .build()).post("/sessions/" + old + "/bookings").then().statusCode(201).extract().jsonPath();
        asTrainer().body(Map.of("bookings", List.of(Map.of("bookingId", oldBooking.getString("id"), "attended", false)),
                "walkIns", List.of(Map.of("name", "Walkin Vane-" + tag, "sector", "HEALTH"))))
                .put("/sessions/" + old + "/attendance").then().statusCode(200);
        asTrainer().post("/sessions/" + old + "/delivery").then().statusCode(200);
        UUID recent = scheduleSession(aSession(course).build());
        JsonPath recentBooking = book(recent, anAttendee().name("Recent Vane-" + tag).build());
        holdSession(recent);

        JsonPath dry = as(Roles.PREVENT_LEAD).queryParam("dryRun", true).post("/retention/runs").then().statusCode(200)
                .body("identityKeptFor", equalTo("P3Y")).body("dryRun", equalTo(true)).extract().jsonPath();
        assertThat(dry.getInt("bookings")).isPositive();
        assertThat(rowsContaining("Vane-" + tag)).isZero(); // encrypted anyway; the dry run changed nothing
        List<Object> oldMarks = Sql.rows("SELECT id FROM attendance WHERE session_id = ?", old).stream()
                .map(row -> row.get("id")).toList();
        assertThat(oldMarks).hasSize(2);
        assertThat(erasedEvents(oldMarks)).isEmpty(); // and published nothing
        asTrainer().get("/bookings/" + oldBooking.getString("id")).then().body("attendee.name", equalTo("Ottoline Vane-" + tag));

        as(Roles.PREVENT_LEAD).post("/retention/runs").then().statusCode(200).body("dryRun", equalTo(false));
        // Each mark erased is published once, naming no one; a later run erases and publishes nothing more of them.
        assertThat(erasedEvents(oldMarks)).containsExactlyInAnyOrderElementsOf(oldMarks.stream()
                .map(id -> "{\"attendanceId\":\"" + id + "\",\"reason\":\"RETENTION\"}").toList());
        as(Roles.PREVENT_LEAD).post("/retention/runs").then().statusCode(200);
        assertThat(erasedEvents(oldMarks)).hasSize(2);

        asTrainer().get("/bookings/" + oldBooking.getString("id")).then().body("attendee.name", equalTo(null))
                .body("attendee.email", equalTo(null)).body("status", equalTo("CONFIRMED"));
        asTrainer().get("/sessions/" + old + "/attendance").then().body("items.name", org.hamcrest.Matchers.everyItem(equalTo(null)))
                .body("items.attended", org.hamcrest.Matchers.containsInAnyOrder(false, true));
        asTrainer().get("/bookings/" + recentBooking.getString("id")).then().body("attendee.name", equalTo("Recent Vane-" + tag));
        assertThat(Sql.count("SELECT count(*) FROM booking WHERE session_id = ? AND erased_at IS NOT NULL", old)).isEqualTo(1);
        as(Roles.PREVENT_LEAD).get("/subject-access/log").then().body("items[0].action", equalTo("RETENTION"))
                .body("items[0].requestedBy", equalTo("retention"));
    }
}
