package org.preventhub.training.api;

/**
 * Request and response examples for the OpenAPI description, in one place so the resources stay thin. Figures
 * and names are the seed report's (WRAP, Prevent Update, Warwick); people are made up.
 */
public final class Examples {

    static final String COURSE_ID = "0b8f3f5e-5d0c-4c43-9a8a-1b1f2f3e4d5c";
    static final String SESSION_ID = "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b";
    static final String BOOKING_ID = "a1c2e3f4-1b2d-4c5e-8f90-112233445566";
    static final String ATTENDANCE_ID = "d4e5f6a7-2b3c-4d5e-9f01-223344556677";

    public static final String COURSE_REQUEST = """
            {"code": "WRAP", "title": "Workshop to Raise Awareness of Prevent (WRAP)",
             "description": "Home Office scripted awareness session for frontline staff.",
             "priority": "AWARENESS_LEARNING", "audience": "Frontline staff of all sectors", "durationMinutes": 120,
             "modes": ["IN_PERSON"], "active": true}""";

    static final String COURSE_FIELDS = """
            "id": "0b8f3f5e-5d0c-4c43-9a8a-1b1f2f3e4d5c", "code": "WRAP",
             "title": "Workshop to Raise Awareness of Prevent (WRAP)",
             "description": "Home Office scripted awareness session for frontline staff.",
             "priority": "AWARENESS_LEARNING", "audience": "Frontline staff of all sectors", "durationMinutes": 120,
             "modes": ["IN_PERSON"], "active": true, "version": 0""";

    public static final String COURSE = "{" + COURSE_FIELDS + "}";

    public static final String COURSE_LIST = "[{" + COURSE_FIELDS + """
            }, {"id": "6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "code": "PREVENT-UPDATE", "title": "Prevent Update",
             "description": "The Prevent duty, local challenges and priorities.", "priority": "AWARENESS_LEARNING",
             "audience": "Staff of all sectors", "durationMinutes": 120, "modes": ["IN_PERSON", "ONLINE"],
             "active": true, "version": 2}]""";

    public static final String SESSION_REQUEST = """
            {"courseId": "0b8f3f5e-5d0c-4c43-9a8a-1b1f2f3e4d5c", "startsAt": "2019-10-03T09:30:00+01:00",
             "endsAt": "2019-10-03T11:30:00+01:00", "mode": "IN_PERSON", "venue": "Shire Hall, Warwick",
             "area": "warwick", "capacity": 25, "trainer": "Prevent Officer", "access": "OPEN",
             "audienceSector": "LOCAL_AUTHORITY"}""";

    static final String SESSION_FIELDS = """
            "id": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b",
             "course": {"id": "0b8f3f5e-5d0c-4c43-9a8a-1b1f2f3e4d5c", "code": "WRAP",
                        "title": "Workshop to Raise Awareness of Prevent (WRAP)", "priority": "AWARENESS_LEARNING"},
             "startsAt": "2019-10-03T08:30:00Z", "endsAt": "2019-10-03T10:30:00Z", "mode": "IN_PERSON",
             "venue": "Shire Hall, Warwick", "area": "warwick", "capacity": 25, "seatsTaken": 22, "seatsLeft": 3,
             "waiting": 0, "trainer": "Prevent Officer", "access": "OPEN", "audienceSector": "LOCAL_AUTHORITY",
             "version": 1, "createdAt": "2019-09-02T10:15:00Z", "updatedAt": "2019-09-20T14:02:00Z",""";

    public static final String SESSION = "{" + SESSION_FIELDS + " \"status\": \"SCHEDULED\"}";

    public static final String SESSION_CANCELLED = "{" + SESSION_FIELDS + """
             "status": "CANCELLED", "cancellationReason": "Venue closed: COVID-19 restrictions",
             "cancelledAt": "2020-03-20T09:00:00Z"}""";

    public static final String SESSION_PAGE = "{\"items\": [" + SESSION + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";

    public static final String SESSION_CANCELLATION = """
            {"reason": "Venue closed: COVID-19 restrictions"}""";

    public static final String BOOKING_REQUEST = """
            {"name": "Sam Taylor", "email": "sam.taylor@example.org", "organisation": "Rugby Borough Council",
             "sector": "LOCAL_AUTHORITY", "jobRole": "Family support worker"}""";

    static final String BOOKING_START = """
            "id": "a1c2e3f4-1b2d-4c5e-8f90-112233445566", "reference": "K7M2Q9XD",""";

    static final String BOOKING_REST = """
             "session": {"id": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b", "courseCode": "WRAP",
                         "courseTitle": "Workshop to Raise Awareness of Prevent (WRAP)", "startsAt": "2019-10-03T08:30:00Z"},
             "attendee": {"name": "Sam Taylor", "email": "sam.taylor@example.org", "organisation": "Rugby Borough Council",
                          "sector": "LOCAL_AUTHORITY", "jobRole": "Family support worker"},
             "channel": "WEB", "createdAt": "2019-09-12T08:01:00Z", "bookedAt": "2019-09-12T08:01:00Z\"""";

    public static final String BOOKING_CREATED = "{" + BOOKING_START + """
             "cancellationSecret": "q3Vh1xYcTj2cW0m9aQ7sZg", "status": "CONFIRMED",""" + BOOKING_REST
            + ", \"confirmedAt\": \"2019-09-12T08:01:00Z\"}";

    public static final String BOOKING_WAITLISTED = "{" + BOOKING_START + """
             "cancellationSecret": "q3Vh1xYcTj2cW0m9aQ7sZg", "status": "WAITLISTED", "waitlistPosition": 2,"""
            + BOOKING_REST + "}";

    public static final String BOOKING = "{" + BOOKING_START + " \"status\": \"CONFIRMED\"," + BOOKING_REST
            + ", \"confirmedAt\": \"2019-09-12T08:01:00Z\"}";

    public static final String BOOKING_CANCELLED = "{" + BOOKING_START + " \"status\": \"CANCELLED\"," + BOOKING_REST
            + ", \"confirmedAt\": \"2019-09-12T08:01:00Z\", \"cancelledAt\": \"2019-09-30T17:40:00Z\","
            + " \"cancellationReason\": \"ATTENDEE\"}";

    public static final String BOOKING_PROMOTION_DECLINED = "{" + BOOKING_START + " \"status\": \"CANCELLED\","
            + BOOKING_REST + ", \"confirmedAt\": \"2019-09-28T10:00:00Z\", \"promotedAt\": \"2019-09-28T10:00:00Z\","
            + " \"cancelledAt\": \"2019-09-28T19:12:00Z\", \"cancellationReason\": \"PROMOTION_DECLINED\"}";

    public static final String BOOKING_PAGE = "{\"items\": [" + BOOKING + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";

    public static final String WAITING_LIST_PAGE = "{\"items\": [{" + BOOKING_START
            + " \"status\": \"WAITLISTED\", \"waitlistPosition\": 1," + BOOKING_REST + "}], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";

    public static final String CANCELLATION_REQUEST = """
            {"secret": "q3Vh1xYcTj2cW0m9aQ7sZg"}""";

    public static final String ATTENDANCE_SHEET = """
            {"bookings": [{"bookingId": "a1c2e3f4-1b2d-4c5e-8f90-112233445566", "attended": true},
                          {"bookingId": "b2d3e4f5-2c3e-4d6f-9a01-223344556677", "attended": false}],
             "walkIns": [{"name": "Alex Morgan", "email": "alex.morgan@example.org",
                          "organisation": "Warwickshire Police", "sector": "POLICE", "jobRole": "PCSO"}]}""";

    static final String MARK = """
            {"id": "d4e5f6a7-2b3c-4d5e-9f01-223344556677", "sessionId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b",
             "bookingId": "a1c2e3f4-1b2d-4c5e-8f90-112233445566", "name": "Sam Taylor", "email": "sam.taylor@example.org",
             "organisation": "Rugby Borough Council", "sector": "LOCAL_AUTHORITY", "jobRole": "Family support worker",
             "attended": true, "walkIn": false, "recordedAt": "2019-10-03T10:35:00Z", "version": 0}""";

    static final String WALK_IN = """
            {"id": "e5f6a7b8-3c4d-4e5f-8a12-334455667788", "sessionId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b",
             "name": "Alex Morgan", "email": "alex.morgan@example.org", "organisation": "Warwickshire Police",
             "sector": "POLICE", "jobRole": "PCSO", "attended": true, "walkIn": true,
             "recordedAt": "2019-10-03T10:35:00Z", "version": 0}""";

    public static final String REGISTER = "[" + MARK + ", " + WALK_IN + "]";

    public static final String REGISTER_PAGE = "{\"items\": " + REGISTER + ", \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 2, \"totalPages\": 1}";

    public static final String DELIVERY = """
            {"sessionId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b", "deliveredAt": "2019-10-03T11:00:00Z", "booked": 22,
             "attended": 21, "noShows": 2, "walkIns": 1, "markedNoShowOnDelivery": 1, "waitingListClosed": 0}""";

    public static final String CORRECTION_REQUEST = """
            {"attended": true, "reason": "Signed the paper register late"}""";

    public static final String CORRECTED = """
            {"id": "d4e5f6a7-2b3c-4d5e-9f01-223344556677", "sessionId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b",
             "bookingId": "a1c2e3f4-1b2d-4c5e-8f90-112233445566", "name": "Sam Taylor", "email": "sam.taylor@example.org",
             "organisation": "Rugby Borough Council", "sector": "LOCAL_AUTHORITY", "jobRole": "Family support worker",
             "attended": true, "walkIn": false, "recordedAt": "2019-10-03T10:35:00Z",
             "correctedAt": "2019-10-07T09:12:00Z", "correctionReason": "Signed the paper register late", "version": 1}""";

    public static final String ATTENDEE_EVALUATION = """
            {"secret": "q3Vh1xYcTj2cW0m9aQ7sZg", "understandsHowToShareConcern": true, "confidenceBefore": 2,
             "confidenceAfter": 4, "usefulness": 5, "comments": "Clear and practical."}""";

    public static final String PAPER_FORMS = """
            [{"attendanceId": "d4e5f6a7-2b3c-4d5e-9f01-223344556677", "understandsHowToShareConcern": true,
              "confidenceBefore": 2, "confidenceAfter": 4, "usefulness": 5},
             {"attendanceId": "e5f6a7b8-3c4d-4e5f-8a12-334455667788", "understandsHowToShareConcern": true,
              "confidenceBefore": 3, "confidenceAfter": 5, "usefulness": 4, "comments": "More local examples, please."}]""";

    static final String EVALUATION_FIELDS = """
            "id": "f6a7b8c9-4d5e-4f60-9b23-445566778899", "attendanceId": "d4e5f6a7-2b3c-4d5e-9f01-223344556677",
             "sessionId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b", "understandsHowToShareConcern": true,
             "confidenceBefore": 2, "confidenceAfter": 4, "usefulness": 5, "comments": "Clear and practical.",""";

    public static final String EVALUATION = "{" + EVALUATION_FIELDS
            + " \"submittedVia\": \"ATTENDEE\", \"submittedAt\": \"2019-10-03T12:01:00Z\"}";

    public static final String EVALUATIONS = "[{" + EVALUATION_FIELDS
            + " \"submittedVia\": \"STAFF\", \"submittedAt\": \"2019-10-04T09:00:00Z\"}]";

    public static final String EVALUATION_PAGE = "{\"items\": " + EVALUATIONS + ", \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1, \"totalPages\": 1}";

    public static final String SUMMARY = """
            {"attended": 60, "responses": 57, "responseRatePercent": 95.0, "understandsPercent": 98.2,
             "targetPercent": 95.0, "meetsTarget": true, "averageConfidenceBefore": 2.4,
             "averageConfidenceAfter": 4.3, "averageUsefulness": 4.6}""";

    private Examples() {
    }

    public static final String SUBJECT_REQUEST = """
            {"email": "sam.taylor@example.org", "name": "Sam Taylor"}""";

    public static final String SUBJECT_EXPORT = """
            {"email": "sam.taylor@example.org", "name": "Sam Taylor",
             "bookings": [{"id": "a1c2e3f4-1b2d-4c5e-8f90-112233445566", "reference": "K7M2Q9XD", "status": "CONFIRMED",
                           "session": {"id": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b", "courseCode": "WRAP",
                                       "courseTitle": "Workshop to Raise Awareness of Prevent (WRAP)", "startsAt": "2019-10-03T08:30:00Z"},
                           "attendee": {"name": "Sam Taylor", "email": "sam.taylor@example.org",
                                        "organisation": "Rugby Borough Council", "sector": "LOCAL_AUTHORITY",
                                        "jobRole": "Family support worker"},
                           "channel": "WEB", "createdAt": "2019-09-12T08:01:00Z", "bookedAt": "2019-09-12T08:01:00Z",
                           "confirmedAt": "2019-09-12T08:01:00Z"}],
             "attendance": [{"id": "5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8e0b13", "sessionId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b",
                             "bookingId": "a1c2e3f4-1b2d-4c5e-8f90-112233445566", "name": "Sam Taylor",
                             "email": "sam.taylor@example.org", "organisation": "Rugby Borough Council",
                             "sector": "LOCAL_AUTHORITY", "jobRole": "Family support worker", "attended": true,
                             "walkIn": false, "recordedAt": "2019-10-03T11:05:00Z", "version": 0}],
             "evaluations": [{"id": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "attendanceId": "5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8e0b13",
                              "sessionId": "3f2b8c1e-7a4d-4e6f-9b0a-2c5d8e1f4a7b", "understandsHowToShareConcern": true,
                              "confidenceBefore": 2, "confidenceAfter": 4, "usefulness": 5,
                              "comments": "Clear and practical.", "submittedVia": "ATTENDEE",
                              "submittedAt": "2019-10-04T19:20:00Z"}],
             "councilRecords": [{"id": "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "source": "warwick-district-council",
                                 "recordId": "LMS-2020-000123", "courseCode": "PREVENT-UPDATE", "completedOn": "2020-05-14",
                                 "mode": "ONLINE", "elearning": true, "person": "Sam Taylor",
                                 "email": "sam.taylor@example.org", "organisation": "Warwick District Council",
                                 "sector": "LOCAL_AUTHORITY", "completed": true}],
             "earlierRequests": []}""";

    public static final String ERASURE = """
            {"bookings": 2, "bookingsCancelled": 1, "attendance": 1, "evaluations": 1, "completions": 1}""";

    public static final String SUBJECT_ACCESS_LOG = """
            {"items": [{"id": "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "action": "ERASE",
                        "requestedBy": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "requestedAt": "2026-03-03T10:15:00Z",
                        "purpose": "Erasure request of 3 March (ref SAR-2026-014)", "bookings": 2, "attendance": 1,
                        "evaluations": 1, "completions": 1}],
             "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""";

    public static final String RETENTION_RUN = """
            {"before": "2023-12-08", "identityKeptFor": "P3Y", "dryRun": false, "bookings": 412, "attendance": 398,
             "evaluations": 61, "completions": 1250}""";
}
