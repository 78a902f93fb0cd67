package org.preventhub.engagement.governance;

/** OpenAPI examples of the governance operations, from the seed year (Warwickshire, 2019-20). */
final class GovernanceExamples {

    private GovernanceExamples() {
    }

    static final String BODY_REQUEST = """
            {"name": "Prevent Strategy Group", "kind": "STRATEGY_GROUP", "meetingsPerYear": 4, "quorum": 5}""";
    private static final String MEMBER = """
            {"id": "5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", "organisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c",
             "organisationName": "Warwickshire County Council", "role": "CHAIR",
             "userId": "f2b1c0de-0000-4000-8000-000000000001"}""";
    static final String MEMBER_VIEW = MEMBER;
    static final String BODY = """
            {"id": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "name": "Prevent Strategy Group", "kind": "STRATEGY_GROUP",
             "meetingsPerYear": 4, "quorum": 5, "members": [""" + MEMBER + "], \"version\": 0}";
    static final String BODY_PAGE = "{\"items\": [" + BODY + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    static final String MEMBER_REQUEST = """
            {"organisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "role": "CHAIR",
             "userId": "f2b1c0de-0000-4000-8000-000000000001"}""";
    static final String MEETING_REQUEST = """
            {"meetsOn": "2019-12-10", "agenda": ["CTLP update", "Terms of Reference", "Action plan"]}""";
    static final String MEETING_PLANNED = """
            {"id": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4", "bodyId": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
             "meetsOn": "2019-12-10", "status": "PLANNED", "agenda": ["CTLP update", "Terms of Reference", "Action plan"],
             "attended": [], "apologies": [], "decisions": [], "actions": [], "quorate": null, "version": 0}""";
    static final String MINUTES_REQUEST = """
            {"attended": ["5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"], "apologies": [],
             "decisions": ["The CTLP's recommendations are accepted"],
             "actions": [{"title": "Draft Local Area Prevent Assessments into 2021", "priority": "LEADERSHIP_GOVERNANCE",
                          "ownerOrganisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "dueOn": "2021-03-31"}]}""";
    static final String MEETING_HELD = """
            {"id": "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4", "bodyId": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
             "meetsOn": "2019-12-10", "status": "HELD", "agenda": ["CTLP update", "Terms of Reference", "Action plan"],
             "attended": ["5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"], "apologies": [],
             "decisions": ["The CTLP's recommendations are accepted"],
             "actions": [{"id": "0a1b2c3d-4e5f-4061-9728-394a5b6c7d8e", "title": "Draft Local Area Prevent Assessments into 2021",
                          "priority": "LEADERSHIP_GOVERNANCE", "ownerOrganisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c",
                          "dueOn": "2021-03-31"}], "quorate": true, "version": 1}""";
    static final String RECORD = """
            {"bodyId": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "name": "Prevent Strategy Group", "from": "2019-09-01",
             "to": "2020-08-31", "planned": 4, "held": 3, "inquorate": 0, "meetings": [""" + MEETING_HELD + "]}";
}
