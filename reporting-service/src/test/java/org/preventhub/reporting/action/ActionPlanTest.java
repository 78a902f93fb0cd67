package org.preventhub.reporting.action;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
        as(Roles.ANALYST).get("/actions?priority=AWARENESS_LEARNING").then().statusCode(200).body("id", hasItem(id));
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
}
