package org.preventhub.engagement.competency;

/** OpenAPI examples of members' competency, from the seed year's Channel Panel training audit. */
final class CompetencyExamples {

    private CompetencyExamples() {
    }

    static final String REQUIREMENTS = """
            {"requirements": [{"name": "prevent-awareness", "bodyKinds": ["CHANNEL_PANEL"],
              "roles": ["CHAIR", "VICE_CHAIR", "MEMBER"], "courses": ["WRAP", "PREVENT-UPDATE"], "validForMonths": 36}],
             "dueWithinDays": 60}""";
    static final String PAGE = """
            {"items": [{"memberId": "5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", "bodyId": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "bodyName": "Warwickshire Channel Panel", "bodyKind": "CHANNEL_PANEL",
              "organisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "organisationName": "Warwickshire Police",
              "role": "MEMBER", "userId": "f2b1c0de-0000-4000-8000-000000000002", "requirement": "prevent-awareness",
              "status": "OVERDUE", "completedCourse": "WRAP", "completedOn": "2016-10-12", "validUntil": "2019-10-11"}],
             "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""";
}
