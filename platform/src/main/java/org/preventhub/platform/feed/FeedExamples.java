package org.preventhub.platform.feed;

/**
 * Examples for the feed endpoints' OpenAPI description. Upload bodies differ per feed: {@link FeedOpenApiFilter}
 * replaces the generic ones below with each service's own feeds' fields at startup.
 */
final class FeedExamples {

    static final String CSV_UPLOAD = """
            recordId,person,sector,courseCode,date,mode,completed
            LMS-2020-000123,Sam Taylor,LOCAL_AUTHORITY,WDC-PREV-UPD,2020-05-14,e-learning,yes
            LMS-2020-000124,Alex Morgan,EDUCATION,WDC-PREV-UPD,2020-05-14,online,no
            """;

    static final String JSON_UPLOAD = """
            {"batchId": "2020-07-weekly-3", "records": [
              {"recordId": "LMS-2020-000123", "person": "Sam Taylor", "sector": "LOCAL_AUTHORITY",
               "courseCode": "WDC-PREV-UPD", "date": "2020-05-14", "mode": "e-learning", "completed": "yes"}
            ]}""";

    static final String JOB_FIELDS = """
            "id": "7d4c1f0e-2b6a-4f1e-9c3d-5a8b7e6f4d21", "feed": "completions", "source": "warwick-district-council",
            "batchId": "2020-07-weekly-3", "fileSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "bytes": 48213, "dryRun": false,""";

    static final String JOB_ACCEPTED = "{" + JOB_FIELDS + """
             "status": "VALIDATING", "progressPercent": 42, "records": 4200, "created": 0, "updated": 0,
             "ignored": 0, "rejected": 0, "submittedBy": "warwick-district-feed",
             "submittedAt": "2020-07-20T06:00:01Z", "startedAt": "2020-07-20T06:00:01Z", "rejections": []}""";

    static final String JOB_APPLIED = "{" + JOB_FIELDS + """
             "status": "APPLIED", "progressPercent": 100, "records": 412, "created": 398, "updated": 10,
             "ignored": 4, "rejected": 0, "submittedBy": "warwick-district-feed",
             "submittedAt": "2020-07-20T06:00:01Z", "startedAt": "2020-07-20T06:00:01Z",
             "finishedAt": "2020-07-20T06:00:03Z", "rejections": []}""";

    static final String JOB_REJECTED = "{" + JOB_FIELDS + """
             "status": "REJECTED", "progressPercent": 100, "records": 412, "created": 0, "updated": 0,
             "ignored": 0, "rejected": 2, "submittedBy": "warwick-district-feed",
             "submittedAt": "2020-07-20T06:00:01Z", "startedAt": "2020-07-20T06:00:01Z",
             "finishedAt": "2020-07-20T06:00:02Z", "rejections": [
               {"line": 101, "reason": "courseCode has no mapping for source 'warwick-district-council' (kind 'course'); ask the Prevent team to map the code this line gives"},
               {"line": 5001, "reason": "date must be a date written as YYYY-MM-DD"}]}""";

    static final String JOB_PAGE = "{\"items\": [" + JOB_APPLIED + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";

    static final String REJECTIONS_PAGE = """
            {"items": [{"line": 101, "reason": "courseCode has no mapping for source 'warwick-district-council' (kind 'course'); ask the Prevent team to map the code this line gives"},
                       {"line": 5001, "reason": "date must be a date written as YYYY-MM-DD"}],
             "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""";

    static final String FEEDS = """
            [{"name": "completions", "description": "Attendance and e-learning completions from a council's learning system.",
              "fields": [{"name": "recordId", "required": true, "description": "The council's id for this record.", "example": "LMS-2020-000123"},
                         {"name": "courseCode", "required": true, "description": "The course, in the council's code (mapped) or ours.", "example": "PREVENT-UPDATE"}]}]""";

    static final String MAPPING = """
            {"source": "warwick-district-council", "kind": "course", "externalCode": "WDC-PREV-UPD", "internalCode": "PREVENT-UPDATE"}""";

    static final String MAPPING_VALUE = """
            {"internalCode": "PREVENT-UPDATE"}""";

    static final String MAPPING_PAGE = "{\"items\": [" + MAPPING + """
            , {"source": "warwick-district-council", "kind": "area", "externalCode": "WDC-LEAM", "internalCode": "warwick"}],
             "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""";

    private FeedExamples() {
    }
}
