package org.preventhub.reporting.action;

import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ActionPlanTest {

    private static Map<String, Object> action(String status, String rag) {
        return Map.of("priority", "AWARENESS_LEARNING", "title", "Promote the online Prevent Update course",
                "ownerOrganisation", "Warwickshire County Council Prevent team", "dueOn", "2021-03-31",
                "status", status, "rag", rag, "linkedIndicators", List.of("training.people-trained"));
    }

    @Test
    void anActionDueOutsideThePlausibleWindowOrProgressInTheFutureIsRefusedNamingTheField() {
        for (String day : List.of("0001-01-01", "1989-12-31", "+999999999-12-31",
                java.time.LocalDate.now().plusYears(10).plusDays(1).toString())) {
            Map<String, Object> action = new java.util.HashMap<>(action("NOT_STARTED", "AMBER"));
            action.put("dueOn", day);
            as(Roles.PREVENT_LEAD).body(action).post("/actions").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", org.hamcrest.Matchers.hasItem("dueOn"));
        }
        String id = as(Roles.PREVENT_LEAD).body(action("NOT_STARTED", "AMBER")).post("/actions").then().statusCode(201)
                .extract().path("id");
        as(Roles.PREVENT_LEAD).body(Map.of("on", java.time.LocalDate.now().plusDays(1).toString(), "note", "Tomorrow"))
                .post("/actions/" + id + "/progress").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("on"));
    }

    @Test
    void anActionKeepsItsProgressAndEveryChangeBeforeAndAfter() {
        String id = as(Roles.PREVENT_LEAD).body(action("NOT_STARTED", "AMBER")).post("/actions").then().statusCode(201)
                .extract().path("id");
        String etag = as(Roles.PREVENT_LEAD).get("/actions/" + id).then().extract().header("ETag");
        as(Roles.PREVENT_LEAD).header("If-Match", etag).body(action("IN_PROGRESS", "AMBER")).put("/actions/" + id)
                .then().statusCode(200);
        as(Roles.PREVENT_LEAD).header("If-Match", etag).body(action("COMPLETED", "GREEN")).put("/actions/" + id)
                .then().statusCode(412);
        as(Roles.PREVENT_LEAD).body(Map.of("on", "2020-07-15", "note", "Promoted in the July newsletter", "rag", "GREEN"))
                .post("/actions/" + id + "/progress").then().statusCode(200)
                .body("rag", equalTo("GREEN"))
                .body("progress[0].note", equalTo("Promoted in the July newsletter"))
                .body("history.change", equalTo(List.of("created", "updated", "progress")))
                .body("history[1].before.status", equalTo("NOT_STARTED"))
                .body("history[1].after.status", equalTo("IN_PROGRESS"));
        as(Roles.ANALYST).get("/actions?priority=AWARENESS_LEARNING&size=100").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void onlyThePreventLeadChangesThePlanAndBadActionsAreRefused() {
        as(Roles.ANALYST).body(action("NOT_STARTED", "AMBER")).post("/actions").then().statusCode(403);
        as(Roles.REFERRER).get("/actions").then().statusCode(403);
        as(Roles.PREVENT_LEAD).body(Map.of("priority", "WORLD_PEACE", "title", "x", "ownerOrganisation", "y",
                "status", "NOT_STARTED", "rag", "AMBER")).post("/actions").then().statusCode(400)
                .body("violations[0].field", equalTo("priority"));
        as(Roles.PREVENT_LEAD).body(Map.of("priority", "SUPPORT", "title", "x", "ownerOrganisation", "y",
                "status", "SOMEDAY", "rag", "PURPLE")).post("/actions").then().statusCode(400);
    }

    @Test
    void anActionLinksOnlyToIndicatorsThatExist() {
        Map<String, Object> action = new java.util.HashMap<>(action("NOT_STARTED", "AMBER"));
        action.put("linkedIndicators", List.of("training.people-trained", "training.no-such-thing"));
        as(Roles.PREVENT_LEAD).body(action).post("/actions").then().statusCode(400)
                .body("violations[0].field", equalTo("linkedIndicators"));
        String id = as(Roles.PREVENT_LEAD).body(action("NOT_STARTED", "AMBER")).post("/actions").then().statusCode(201)
                .extract().path("id");
        as(Roles.PREVENT_LEAD).body(action).put("/actions/" + id).then().statusCode(400);
    }

    @Test
    void aProgressNoteRetriedWithTheSameIdempotencyKeyIsRecordedOnce() {
        String id = as(Roles.PREVENT_LEAD).body(action("IN_PROGRESS", "AMBER")).post("/actions").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> note = Map.of("on", "2020-09-30", "note", "Terms of reference reviewed", "rag", "GREEN");
        String key = "progress-" + id;
        as(Roles.PREVENT_LEAD).header("Idempotency-Key", key).body(note).post("/actions/" + id + "/progress").then()
                .statusCode(200).body("progress", hasSize(1));
        as(Roles.PREVENT_LEAD).header("Idempotency-Key", key).body(note).post("/actions/" + id + "/progress").then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("progress", hasSize(1));
        as(Roles.PREVENT_LEAD).header("Idempotency-Key", key).body(Map.of("on", "2020-10-01", "note", "Something else"))
                .post("/actions/" + id + "/progress").then().statusCode(422);
        as(Roles.PREVENT_LEAD).get("/actions/" + id).then().body("progress", hasSize(1))
                .body("history.change", equalTo(List.of("created", "progress")));
    }

    @Test
    void thePlanIsListedPageByPage() {
        for (int i = 0; i < 3; i++) {
            as(Roles.PREVENT_LEAD).body(Map.of("priority", "INTELLIGENCE_COMMUNICATIONS", "title", "Quarterly CTLP update " + i,
                    "ownerOrganisation", "West Midlands Counter Terrorism Unit", "status", "IN_PROGRESS", "rag", "GREEN"))
                    .post("/actions").then().statusCode(201);
        }
        var first = as(Roles.ANALYST).get("/actions?priority=INTELLIGENCE_COMMUNICATIONS&size=2&sort=title").then()
                .statusCode(200).body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .extract().jsonPath();
        int total = first.getInt("totalItems");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.getInt("totalPages")).isEqualTo((total + 1) / 2);
        List<String> titles = first.getList("items.title");
        assertThat(titles).isSorted();
        as(Roles.ANALYST).get("/actions?priority=INTELLIGENCE_COMMUNICATIONS&size=2&page=1&sort=title").then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.greaterThanOrEqualTo(titles.get(1)));
        as(Roles.ANALYST).get("/actions?size=101").then().statusCode(400);
        as(Roles.ANALYST).get("/actions?sort=secret").then().statusCode(400);
    }
}
