package org.preventhub.training.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.preventhub.training.support.CourseBuilder.aCourse;
import static org.preventhub.training.support.TrainingApi.as;
import static org.preventhub.training.support.TrainingApi.asTrainer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CourseCatalogueTest {

    @Test
    void preventLeadRegistersACourseThatEveryRoleCanRead() {
        String code = aCourse().build().code();
        String id = as(Roles.PREVENT_LEAD).body(aCourse().code(code).title("Workshop to Raise Awareness of Prevent").build())
                .post("/courses").then().statusCode(201).body("code", equalTo(code)).extract().path("id");

        for (String role : List.of(Roles.ANALYST, Roles.REFERRER, Roles.BOOKING, Roles.ENGAGEMENT_OFFICER)) {
            as(role).get("/courses/" + id).then().statusCode(200).body("title", equalTo("Workshop to Raise Awareness of Prevent"));
        }
        as(Roles.ANALYST).get("/courses").then().statusCode(200).body("code", hasItem(code));

        ReceivedEvent event = KafkaEvents.forKey(Topics.TRAINING, id, 1, Duration.ofSeconds(20)).get(0);
        assertThat(event.type()).isEqualTo(TrainingEventTypes.COURSE_REGISTERED);
        assertThat(event.data().get("code").asText()).isEqualTo(code);
    }

    @Test
    void aDuplicateCodeIsRefusedAndLeavesNeitherRowNorEvent() {
        String code = aCourse().build().code();
        String first = asTrainer().body(aCourse().code(code).build()).post("/courses").then().statusCode(201)
                .extract().path("id");

        asTrainer().body(aCourse().code(code).title("Another title").build()).post("/courses")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:duplicate-course-code"));

        assertThat(Sql.count("SELECT count(*) FROM course WHERE code = ?", code)).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM outbox_event WHERE type = ? AND payload->>'code' = ?",
                TrainingEventTypes.COURSE_REGISTERED, code)).isEqualTo(1);
        List<ReceivedEvent> events = KafkaEvents.await(Topics.TRAINING,
                e -> e.type().equals(TrainingEventTypes.COURSE_REGISTERED) && code.equals(e.data().get("code").asText()),
                1, Duration.ofSeconds(20));
        assertThat(events).extracting(ReceivedEvent::key).containsExactly(first);
    }

    @Test
    void onlyTrainersAndThePreventLeadChangeTheCatalogue() {
        for (String role : List.of(Roles.ANALYST, Roles.REFERRER, Roles.CHANNEL_PANEL, Roles.ENGAGEMENT_OFFICER,
                Roles.FEED, Roles.BOOKING)) {
            as(role).body(aCourse().build()).post("/courses").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        UUID id = UUID.fromString(asTrainer().body(aCourse().build()).post("/courses").then().statusCode(201)
                .extract().path("id"));
        as(Roles.ANALYST).body(aCourse().build()).put("/courses/" + id).then().statusCode(403);
    }

    @Test
    void aRetiredCourseTakesNoNewSessions() {
        var course = aCourse().build();
        String id = asTrainer().body(course).post("/courses").then().statusCode(201).extract().path("id");
        asTrainer().body(aCourse().code(course.code()).retired().build()).put("/courses/" + id)
                .then().statusCode(200).body("active", equalTo(false));

        asTrainer().body(org.preventhub.training.support.SessionBuilder.aSession(UUID.fromString(id)).build())
                .post("/sessions").then().statusCode(400)
                .body("violations.field", hasItem("courseId"));
    }
}
