package org.preventhub.engagement.support;

import static org.preventhub.engagement.support.EngagementApi.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.preventhub.platform.security.Roles;

/** Small builders for funded projects and awards, written as the Prevent lead. */
public final class FundingFixtures {

    private FundingFixtures() {
    }

    public static Map<String, Object> project(String name, String status, String since, List<String> events) {
        Map<String, Object> project = new HashMap<>();
        project.put("name", name);
        project.put("kind", "PROJECT");
        project.put("priority", "COMMUNITY_ENGAGEMENT");
        project.put("status", status);
        project.put("statusSince", since);
        project.put("events", events);
        project.put("courses", List.of());
        return project;
    }

    public static String newProject() {
        return as(Roles.PREVENT_LEAD).body(project("Project " + UUID.randomUUID(), "RUNNING", "2019-11-14", List.of()))
                .post("/funding/projects").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> award(String funder, String amount, List<String> projects) {
        Map<String, Object> award = new HashMap<>();
        award.put("funderId", funder);
        award.put("amount", amount);
        award.put("startsOn", "2019-10-01");
        award.put("endsOn", "2020-09-30");
        award.put("purpose", "Inter-faith Safe and Secure workshops");
        award.put("priority", "COMMUNITY_ENGAGEMENT");
        award.put("projects", projects);
        return award;
    }
}
