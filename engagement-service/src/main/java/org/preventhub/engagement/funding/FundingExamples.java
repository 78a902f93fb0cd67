package org.preventhub.engagement.funding;

/** OpenAPI examples of the funding operations, from the seed year (Warwickshire, 2019-20). */
final class FundingExamples {

    private FundingExamples() {
    }

    static final String PROJECT_REQUEST = """
            {"name": "Safe and Secure", "kind": "PROJECT", "priority": "COMMUNITY_ENGAGEMENT",
             "description": "Inter-faith workshops on safer places of worship", "status": "RUNNING",
             "statusSince": "2019-11-14", "events": [], "courses": []}""";
    static final String STATUS_REQUEST = """
            {"status": "PAUSED", "since": "2020-03-23", "reason": "COVID-19: groups cannot meet at places of worship"}""";
    static final String PROJECT = """
            {"id": "6f405162-7c8d-4e9f-a01b-2c3d4e5f6071", "name": "Safe and Secure", "kind": "PROJECT",
             "priority": "COMMUNITY_ENGAGEMENT", "description": "Inter-faith workshops on safer places of worship",
             "status": "PAUSED", "statusSince": "2020-03-23", "events": [], "courses": [],
             "history": [{"status": "RUNNING", "since": "2019-11-14", "reason": null},
                         {"status": "PAUSED", "since": "2020-03-23", "reason": "COVID-19"}],
             "awards": [{"id": "70516273-8d9e-4fa0-b12c-3d4e5f607182", "funderId": "81627384-9eaf-40b1-823d-4e5f60718293",
                         "funderName": "West Midlands Counter Terrorism Unit", "amount": 7500.00, "startsOn": "2019-10-01",
                         "endsOn": "2020-09-30", "purpose": "Inter-faith Safe and Secure workshops"}], "version": 1}""";
    static final String PROJECT_PAGE = "{\"items\": [" + PROJECT + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    static final String AWARD_REQUEST = """
            {"funderId": "81627384-9eaf-40b1-823d-4e5f60718293", "amount": 7500.00, "startsOn": "2019-10-01",
             "endsOn": "2020-09-30", "purpose": "Inter-faith Safe and Secure workshops", "priority": "COMMUNITY_ENGAGEMENT",
             "reference": "CTU-2019-07", "projects": ["6f405162-7c8d-4e9f-a01b-2c3d4e5f6071"]}""";
    static final String AWARD = """
            {"id": "70516273-8d9e-4fa0-b12c-3d4e5f607182", "funderId": "81627384-9eaf-40b1-823d-4e5f60718293",
             "funderName": "West Midlands Counter Terrorism Unit", "amount": 7500.00, "startsOn": "2019-10-01",
             "endsOn": "2020-09-30", "purpose": "Inter-faith Safe and Secure workshops", "priority": "COMMUNITY_ENGAGEMENT",
             "reference": "CTU-2019-07", "projects": [{"id": "6f405162-7c8d-4e9f-a01b-2c3d4e5f6071",
             "name": "Safe and Secure", "status": "PAUSED"}], "version": 0}""";
    static final String AWARD_PAGE = "{\"items\": [" + AWARD + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
}
