package org.preventhub.engagement.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.organisation;
import static org.preventhub.engagement.support.GovernanceFixtures.asLead;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.AttendanceCorrected;
import org.preventhub.contracts.training.AttendanceErased;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.CloudEventProducer;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The Channel Panel's training audit: each core member's required training (WRAP or Prevent Update within 36 months;
 * in the test profile, the chair also Channel awareness within 24), linked by user id to training's attendance events.
 */
@QuarkusTest
class CompetencyTest {

    private static final String AS_OF = "2020-08-31";

    @Test
    void theChannelPanelsMembersShowCurrentDueOverdueAndMissingTrainingFromTrainingsAttendanceEvents() {
        String panel = asLead().body(Map.of("name", "Channel Panel " + UUID.randomUUID(), "kind", "CHANNEL_PANEL",
                "meetingsPerYear", 12, "quorum", 3)).post("/governance/bodies").then().statusCode(201).extract().path("id");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String chair = "chair-" + run, police = "police-" + run, health = "health-" + run, school = "school-" + run;
        String chairSeat = seat(panel, "CHAIR", chair);
        String policeSeat = seat(panel, "MEMBER", police);
        String healthSeat = seat(panel, "MEMBER", health);
        String schoolSeat = seat(panel, "MEMBER", school);
        String unlinkedSeat = seat(panel, "MEMBER", null);
        seat(panel, "SECRETARIAT", "secretariat-" + run); // a role the rule does not name

        attended(chair, "WRAP", "2019-10-01T09:30:00Z", true); // current
        attended(police, "PREVENT-UPDATE", "2016-05-01T09:30:00Z", true); // ran out 30 April 2019: overdue
        attended(health, "WRAP", "2017-09-15T09:30:00Z", true); // runs out 14 September 2020: refresher due
        // The school's member was marked present, then corrected to a no-show: it does not count.
        UUID corrected = attended(school, "PREVENT-UPDATE", "2020-01-21T13:30:00Z", true);
        String correction = CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_CORRECTED,
                corrected.toString(), new AttendanceCorrected(attendance(corrected, school, "PREVENT-UPDATE",
                        "2020-01-21T13:30:00Z", false), true));
        // Someone else's completion, and one after the day asked about, change nothing.
        attended("not-a-member-" + run, "WRAP", "2020-02-01T09:30:00Z", true);
        attended(police, "WRAP", "2020-10-01T09:30:00Z", true);

        // Events of different attendances may arrive in any order: wait for the last of each to be applied.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standing(panel, List.of())).containsOnly(
                Map.entry(chairSeat + "/prevent-awareness", "CURRENT"),
                Map.entry(chairSeat + "/channel-awareness", "MISSING"),
                Map.entry(policeSeat + "/prevent-awareness", "OVERDUE"),
                Map.entry(healthSeat + "/prevent-awareness", "DUE"),
                Map.entry(schoolSeat + "/prevent-awareness", "MISSING"),
                Map.entry(unlinkedSeat + "/prevent-awareness", "MISSING")));
        assertThat(Sql.count("SELECT count(*) FROM consumed_event WHERE id = '" + correction + "'")).isEqualTo(1);
        JsonPath health2020 = as(Roles.ANALYST).queryParam("bodyId", panel).queryParam("asOf", AS_OF)
                .queryParam("status", "DUE").get("/governance/competency").then().statusCode(200).extract().jsonPath();
        assertThat(health2020.getString("items[0].completedCourse")).isEqualTo("WRAP");
        assertThat(health2020.getString("items[0].validUntil")).isEqualTo("2020-09-14");

        // Who must be trained: missing or overdue.
        assertThat(standing(panel, List.of("MISSING", "OVERDUE")).keySet()).containsExactlyInAnyOrder(
                chairSeat + "/channel-awareness", policeSeat + "/prevent-awareness", schoolSeat + "/prevent-awareness",
                unlinkedSeat + "/prevent-awareness");
        // A year later the police member's WRAP of October 2020 counts.
        assertThat(as(Roles.PREVENT_LEAD).queryParam("bodyId", panel).queryParam("asOf", "2021-08-31")
                .queryParam("status", "CURRENT").get("/governance/competency").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.memberId")).contains(policeSeat);
    }

    @Test
    void anEventDeliveredTwiceHasOneEffectAndAnUnreadableOneIsPassedOver() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID attendance = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        Instant time = Instant.now();
        AttendanceRecorded payload = new AttendanceRecorded(attendance(attendance, "twice-" + run, "WRAP",
                "2020-03-03T09:30:00Z", true));
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, attendance.toString(), payload,
                id, time);
        CloudEventProducer.send(Topics.TRAINING, attendance.toString(), "{not json", Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", TrainingEventTypes.ATTENDANCE_RECORDED));
        // The same event again (a redelivery after a crash), then a later one of the same attendance.
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, attendance.toString(), payload,
                id, time);
        String last = CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED,
                attendance.toString(), new AttendanceRecorded(attendance(attendance, "twice-" + run, "WRAP",
                        "2020-03-04T09:30:00Z", true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count(
                "SELECT count(*) FROM consumed_event WHERE id = '" + last + "'") == 1);
        assertThat(Sql.count("SELECT count(*) FROM consumed_event WHERE id = '" + id + "'")).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM training_completion WHERE user_id = 'twice-" + run
                + "' AND completed_on = DATE '2020-03-04'")).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM training_completion WHERE user_id = 'twice-" + run + "'")).isEqualTo(1);
    }

    @Test
    void aMembersCompletionErasedInTrainingIsForgottenAndTheirCompetencyCountsWithoutIt() {
        String panel = asLead().body(Map.of("name", "Channel Panel " + UUID.randomUUID(), "kind", "CHANNEL_PANEL",
                "meetingsPerYear", 12, "quorum", 3)).post("/governance/bodies").then().statusCode(201).extract().path("id");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String police = "erased-police-" + run, health = "erased-health-" + run;
        String policeSeat = seat(panel, "MEMBER", police);
        String healthSeat = seat(panel, "MEMBER", health);
        UUID policeWrap = attended(police, "WRAP", "2019-10-01T09:30:00Z", true);
        attended(police, "PREVENT-UPDATE", "2017-09-15T09:30:00Z", true); // runs out 14 September 2020
        UUID healthWrap = attended(health, "WRAP", "2019-11-05T09:30:00Z", true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(standing(panel, List.of())).containsOnly(
                Map.entry(policeSeat + "/prevent-awareness", "CURRENT"),
                Map.entry(healthSeat + "/prevent-awareness", "CURRENT")));

        // Training erased both people's WRAP marks: one on request, one by its retention rule.
        String erasure = erased(policeWrap, AttendanceErased.SUBJECT_REQUEST);
        String last = erased(healthWrap, AttendanceErased.RETENTION);
        awaitConsumed(last);

        assertThat(Sql.count("SELECT count(*) FROM training_completion WHERE attendance_id IN (?, ?)", policeWrap,
                healthWrap)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM erased_attendance WHERE attendance_id IN (?, ?)", policeWrap,
                healthWrap)).isEqualTo(2);
        // The police member's older Prevent Update still counts, and runs out soon; the health member has none.
        assertThat(standing(panel, List.of())).containsOnly(Map.entry(policeSeat + "/prevent-awareness", "DUE"),
                Map.entry(healthSeat + "/prevent-awareness", "MISSING"));
        assertThat(as(Roles.PREVENT_LEAD).queryParam("bodyId", panel).queryParam("asOf", AS_OF).queryParam("status", "DUE")
                .get("/governance/competency").then().statusCode(200).extract().jsonPath()
                .getString("items[0].completedCourse")).isEqualTo("PREVENT-UPDATE");
        assertThat(Sql.count("SELECT count(*) FROM consumed_event WHERE id = '" + erasure + "'")).isEqualTo(1);
    }

    @Test
    void noEventReadAfterAnAttendancesErasureBringsItsCompletionBackAndAnErasureTwiceIsHarmless() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String member = "replayed-" + run;
        UUID attendance = UUID.randomUUID();
        String recordedId = UUID.randomUUID().toString();
        Instant recordedAt = Instant.now().minusSeconds(60);
        AttendanceRecorded recorded = new AttendanceRecorded(attendance(attendance, member, "WRAP", "2020-03-03T09:30:00Z",
                true));
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, attendance.toString(),
                recorded, recordedId, recordedAt);
        String erasureId = UUID.randomUUID().toString();
        AttendanceErased erasure = new AttendanceErased(attendance, AttendanceErased.SUBJECT_REQUEST);
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_ERASED, attendance.toString(), erasure,
                erasureId, Instant.now());
        awaitConsumed(erasureId);
        assertThat(Sql.count("SELECT count(*) FROM training_completion WHERE user_id = ?", member)).isZero();

        // The same erasure redelivered, and the same erasure published again under another id (a retried relay).
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_ERASED, attendance.toString(), erasure,
                erasureId, Instant.now());
        awaitConsumed(erased(attendance, AttendanceErased.SUBJECT_REQUEST));
        assertThat(Sql.count("SELECT count(*) FROM erased_attendance WHERE attendance_id = ?", attendance)).isEqualTo(1);

        // Then the attendance's own events again: the recording redelivered, the same one replayed under a new id (a
        // replayed log), and a correction of it arriving late.
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, attendance.toString(),
                recorded, recordedId, recordedAt);
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, attendance.toString(),
                recorded);
        String late = CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_CORRECTED,
                attendance.toString(), new AttendanceCorrected(attendance(attendance, member, "WRAP",
                        "2020-03-03T09:30:00Z", true), false));
        // An erasure read before the attendance's first event (another partition's order) is remembered as well.
        UUID early = UUID.randomUUID();
        erased(early, AttendanceErased.RETENTION);
        String afterwards = CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED,
                early.toString(), new AttendanceRecorded(attendance(early, member, "WRAP", "2020-04-04T09:30:00Z", true)));
        awaitConsumed(late);
        awaitConsumed(afterwards);

        assertThat(Sql.count("SELECT count(*) FROM training_completion WHERE user_id = ?", member)).isZero();
        assertThat(Sql.count("SELECT count(*) FROM training_completion WHERE attendance_id IN (?, ?)", attendance, early))
                .isZero();
    }

    @Test
    void theRequirementsAreTheDeploymentsAndAStatusFilterOrSortItDoesNotKnowIsRefused() {
        JsonPath requirements = as(Roles.ENGAGEMENT_OFFICER).get("/governance/competency/requirements").then().statusCode(200)
                .extract().jsonPath();
        assertThat(requirements.<String>getList("requirements.name")).containsExactly("channel-awareness", "prevent-awareness");
        assertThat(requirements.<String>getList("requirements[1].courses")).containsExactly("WRAP", "PREVENT-UPDATE");
        assertThat(requirements.getInt("requirements[1].validForMonths")).isEqualTo(36);
        as(Roles.PREVENT_LEAD).queryParam("status", "LAPSED").get("/governance/competency").then().statusCode(400);
        as(Roles.PREVENT_LEAD).queryParam("sort", "status").get("/governance/competency").then().statusCode(400);
    }

    private static String seat(String body, String role, String userId) {
        Map<String, Object> member = new HashMap<>(Map.of("organisationId", organisation("POLICE"), "role", role));
        if (userId != null) {
            member.put("userId", userId);
        }
        return asLead().body(member).post("/governance/bodies/" + body + "/members").then().statusCode(201).extract()
                .path("id");
    }

    private static Map<String, String> standing(String body, List<String> statuses) {
        var request = as(Roles.PREVENT_LEAD).queryParam("bodyId", body).queryParam("asOf", AS_OF).queryParam("size", 100);
        statuses.forEach(s -> request.queryParam("status", s));
        JsonPath page = request.get("/governance/competency").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().collect(Collectors.toMap(i -> i.get("memberId") + "/" + i.get("requirement"),
                i -> (String) i.get("status")));
    }

    private static UUID attended(String userId, String course, String startsAt, boolean attended) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, id.toString(),
                new AttendanceRecorded(attendance(id, userId, course, startsAt, attended)));
        return id;
    }

    /** @return the erasure event's id */
    private static String erased(UUID attendance, String reason) {
        return CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_ERASED, attendance.toString(),
                new AttendanceErased(attendance, reason));
    }

    private static void awaitConsumed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count("SELECT count(*) FROM consumed_event WHERE id = ?",
                eventId) == 1);
    }

    private static AttendanceSnapshot attendance(UUID id, String userId, String course, String startsAt, boolean attended) {
        return new AttendanceSnapshot(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), course,
                Priority.AWARENESS_LEARNING, Instant.parse(startsAt), DeliveryMode.IN_PERSON, "rugby", "POLICE", attended,
                false, null, null, userId);
    }
}
