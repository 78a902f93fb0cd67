package org.preventhub.engagement.assessment;

/** OpenAPI examples of the self-assessment operations, from the seed year (Warwickshire, 2019-20). */
final class AssessmentExamples {

    private AssessmentExamples() {
    }

    static final String CRITERIA_REQUEST = """
            {"criteria": [{"code": "HO-2", "section": "Leadership and partnership",
              "title": "A multi-agency Prevent partnership board oversees delivery", "maxScore": 4,
              "priority": "LEADERSHIP_GOVERNANCE"}]}""";
    static final String CRITERIA_LOADED = """
            {"framework": "HOME_OFFICE_PREVENT_TOOLKIT", "created": 1, "updated": 9, "retired": 0}""";
    static final String CRITERIA = """
            [{"id": "3c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "framework": "HOME_OFFICE_PREVENT_TOOLKIT", "code": "HO-2",
              "section": "Leadership and partnership", "title": "A multi-agency Prevent partnership board oversees delivery",
              "guidance": null, "maxScore": 4, "priority": "LEADERSHIP_GOVERNANCE", "active": true}]""";
    static final String ASSESSMENT_REQUEST = """
            {"framework": "HOME_OFFICE_PREVENT_TOOLKIT", "year": 2019,
             "organisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "assessedOn": "2020-07-14"}""";
    static final String ASSESSMENT = """
            {"id": "4d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "framework": "HOME_OFFICE_PREVENT_TOOLKIT", "year": 2019,
             "organisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "assessedOn": "2020-07-14", "score": 3,
             "maxScore": 4, "percent": 75.0, "criteriaScored": 1, "criteriaInForce": 10,
             "scores": [{"criterionCode": "HO-2", "section": "Leadership and partnership", "score": 3, "maxScore": 4,
                         "evidence": "Strategy Group met quarterly; Terms of Reference reviewed September 2020"}],
             "improvements": [], "version": 1}""";
    static final String ASSESSMENT_PAGE = "{\"items\": [" + ASSESSMENT + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    static final String SCORES_REQUEST = """
            {"scores": [{"criterionCode": "HO-2", "score": 3,
                         "evidence": "Strategy Group met quarterly; Terms of Reference reviewed September 2020"}]}""";
    static final String IMPROVEMENT_REQUEST = """
            {"criterionCode": "HO-5", "title": "Respond to the new national Channel Guidance", "priority": "SUPPORT",
             "ownerOrganisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "dueOn": "2021-03-31"}""";
    static final String IMPROVEMENT = """
            {"id": "5e3f4051-6b7c-4d8e-9f0a-1b2c3d4e5f60", "criterionCode": "HO-5",
             "title": "Respond to the new national Channel Guidance", "priority": "SUPPORT",
             "ownerOrganisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "dueOn": "2021-03-31"}""";
    static final String TREND = """
            {"framework": "HOME_OFFICE_PREVENT_TOOLKIT", "organisationId": null, "years": [
              {"year": 2019, "assessments": 1, "score": 30, "maxScore": 40, "percent": 75.0,
               "sections": [{"section": "Leadership and partnership", "score": 7, "maxScore": 8, "percent": 87.5}]}]}""";
}
