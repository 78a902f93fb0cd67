package org.preventhub.engagement.document;

/** OpenAPI examples of the document register, from the seed year. */
final class DocumentExamples {

    private DocumentExamples() {
    }

    static final String REQUEST = """
            {"type": "TERMS_OF_REFERENCE", "title": "Prevent Strategy Group Terms of Reference",
             "ownerOrganisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "bodyId": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
             "documentVersion": "2019.1", "status": "ISSUED", "issuedOn": "2019-09-17", "reviewCycleMonths": 12,
             "marking": "OFFICIAL"}""";
    static final String DOCUMENT = """
            {"id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "type": "TERMS_OF_REFERENCE",
             "title": "Prevent Strategy Group Terms of Reference", "ownerOrganisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c",
             "bodyId": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "area": null, "documentVersion": "2019.1", "status": "ISSUED",
             "issuedOn": "2019-09-17", "reviewCycleMonths": 12, "lastReviewedOn": null, "nextReviewDue": "2020-09-17",
             "marking": "OFFICIAL", "hasFile": true, "fileBytes": 184320,
             "fileSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "version": 1}""";
    static final String PAGE = "{\"items\": [" + DOCUMENT + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";
    static final String REVIEW_REQUEST = """
            {"reviewedOn": "2020-09-15", "documentVersion": "2020.1"}""";
    static final String REVIEWED = """
            {"id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "type": "TERMS_OF_REFERENCE",
             "title": "Prevent Strategy Group Terms of Reference", "ownerOrganisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c",
             "bodyId": "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "area": null, "documentVersion": "2020.1", "status": "ISSUED",
             "issuedOn": "2019-09-17", "reviewCycleMonths": 12, "lastReviewedOn": "2020-09-15", "nextReviewDue": "2021-09-15",
             "marking": "OFFICIAL", "hasFile": true, "fileBytes": 184320,
             "fileSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "version": 2}""";
}
