package org.preventhub.engagement.api;

/**
 * Request and response examples for the OpenAPI description, in one place so the resources stay thin. Events,
 * organisations and figures are the seed report's (We Stand Together, EQuIP, Warwickshire Prevent News); the
 * contact details are made up. {@code OpenApiTest} reads every request example back as its request record.
 */
public final class Examples {

    private Examples() {
    }

    static final String EQUIP_ID = "3f1c9a7e-2b4d-4c8e-9a51-6d0e8b7f2a10";
    static final String COUNCIL_ID = "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c";

    // --- Partner organisations -----------------------------------------------------------------------------------

    public static final String ORGANISATION_REQUEST = """
            {"name": "EQuIP", "type": "EQUALITY_CHARITY", "area": "warwick", "contactName": "Events coordinator",
             "contactEmail": "events@equip.example.org", "contactPhone": "01926 000000", "active": true}""";

    public static final String ORGANISATION = """
            {"id": "3f1c9a7e-2b4d-4c8e-9a51-6d0e8b7f2a10", "name": "EQuIP", "type": "EQUALITY_CHARITY",
             "area": "warwick", "contactName": "Events coordinator", "contactEmail": "events@equip.example.org",
             "contactPhone": "01926 000000", "active": true, "version": 0}""";

    /** What an analyst, trainer, Channel panel member or referrer reads. */
    public static final String ORGANISATION_WITHOUT_CONTACT = """
            {"id": "3f1c9a7e-2b4d-4c8e-9a51-6d0e8b7f2a10", "name": "EQuIP", "type": "EQUALITY_CHARITY",
             "area": "warwick", "contactName": null, "contactEmail": null, "contactPhone": null, "active": true,
             "version": 0}""";

    public static final String ORGANISATION_PAGE = "{\"items\": [" + ORGANISATION + """
            , {"id": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "name": "Warwickshire County Council", "type": "COUNCIL",
             "area": "county-wide", "contactName": null, "contactEmail": null, "contactPhone": null, "active": true,
             "version": 1}], "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""";

    // --- Community events ----------------------------------------------------------------------------------------

    public static final String EVENT_REQUEST = """
            {"title": "We Stand Together – Nuneaton", "type": "PUBLIC_MEETING", "dates": ["2019-09-19"],
             "mode": "IN_PERSON", "venue": "Nuneaton Town Hall", "area": "nuneaton-and-bedworth",
             "priority": "COMMUNITY_ENGAGEMENT", "audience": "COMMUNITY",
             "partners": [{"organisationId": "3f1c9a7e-2b4d-4c8e-9a51-6d0e8b7f2a10", "role": "ORGANISER"}],
             "fundingNote": null, "plannedAttendance": 60}""";

    private static final String EVENT_START = """
            "id": "8d2f6b1a-4c3e-4f5a-9b7c-0e1d2c3b4a59", "title": "We Stand Together – Nuneaton",
             "type": "PUBLIC_MEETING",""";

    private static final String EVENT_DETAILS = """
             "mode": "IN_PERSON", "venue": "Nuneaton Town Hall", "area": "nuneaton-and-bedworth",
             "priority": "COMMUNITY_ENGAGEMENT", "audience": "COMMUNITY",
             "partners": [{"organisationId": "3f1c9a7e-2b4d-4c8e-9a51-6d0e8b7f2a10", "role": "ORGANISER"}],
             "fundingNote": null, "plannedAttendance": 60,""";

    public static final String EVENT_PLANNED = "{" + EVENT_START + """
             "status": "PLANNED", "dates": ["2019-09-19"],""" + EVENT_DETAILS + """
             "attendance": null, "attendanceCountedBy": null, "outcomes": null, "followUpActions": null,
             "attendanceHistory": [], "statusHistory": [], "source": null, "version": 0}""";

    public static final String HELD_REQUEST = """
            {"attendance": 52, "countedBy": "HEADCOUNT",
             "outcomes": "Views on hate crime and violent extremism informed the local Hate Crime and Prevent action plans.",
             "followUpActions": "Share the EQuIP report with the Prevent Strategy Group."}""";

    private static final String RECORDED = """
            {"kind": "RECORDED", "attendance": 52, "countedBy": "HEADCOUNT", "reason": null,
              "recordedBy": "engagement-wcc", "recordedAt": "2019-09-20T09:12:00Z"}""";

    private static final String HELD_FIELDS = """
             "outcomes": "Views on hate crime and violent extremism informed the local Hate Crime and Prevent action plans.",
             "followUpActions": "Share the EQuIP report with the Prevent Strategy Group.",""";

    public static final String EVENT_HELD = "{" + EVENT_START + """
             "status": "HELD", "dates": ["2019-09-19"],""" + EVENT_DETAILS + """
             "attendance": 52, "attendanceCountedBy": "HEADCOUNT",""" + HELD_FIELDS + """
             "attendanceHistory": [""" + RECORDED + """
            ], "statusHistory": [], "source": null, "version": 1}""";

    public static final String CORRECTION_REQUEST = """
            {"attendance": 55, "countedBy": "REGISTER", "reason": "Second sign-in sheet found"}""";

    public static final String EVENT_CORRECTED = "{" + EVENT_START + """
             "status": "HELD", "dates": ["2019-09-19"],""" + EVENT_DETAILS + """
             "attendance": 55, "attendanceCountedBy": "REGISTER",""" + HELD_FIELDS + """
             "attendanceHistory": [""" + RECORDED + """
            , {"kind": "CORRECTED", "attendance": 55, "countedBy": "REGISTER", "reason": "Second sign-in sheet found",
              "recordedBy": "engagement-wcc", "recordedAt": "2019-10-02T14:40:00Z"}],
             "statusHistory": [], "source": null, "version": 2}""";

    public static final String CANCELLATION_REQUEST = """
            {"reason": "Venue closed by flooding"}""";

    public static final String EVENT_CANCELLED = "{" + EVENT_START + """
             "status": "CANCELLED", "dates": ["2019-09-19"],""" + EVENT_DETAILS + """
             "attendance": null, "attendanceCountedBy": null, "outcomes": "Cancelled: Venue closed by flooding",
             "followUpActions": null, "attendanceHistory": [],
             "statusHistory": [{"status": "CANCELLED", "reason": "Venue closed by flooding",
                                "recordedBy": "engagement-wcc", "recordedAt": "2019-09-18T16:05:00Z"}],
             "source": null, "version": 1}""";

    public static final String POSTPONEMENT_REQUEST = """
            {"reason": "COVID-19 restrictions", "newDates": ["2020-11-23"]}""";

    public static final String EVENT_POSTPONED = "{" + EVENT_START + """
             "status": "POSTPONED", "dates": ["2020-11-23"],""" + EVENT_DETAILS + """
             "attendance": null, "attendanceCountedBy": null, "outcomes": null, "followUpActions": null,
             "attendanceHistory": [],
             "statusHistory": [{"status": "POSTPONED", "reason": "COVID-19 restrictions",
                                "recordedBy": "engagement-wcc", "recordedAt": "2020-03-17T11:30:00Z"}],
             "source": null, "version": 1}""";

    public static final String EVENT_PAGE = "{\"items\": [" + EVENT_HELD
            + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";

    // --- Communications ------------------------------------------------------------------------------------------

    public static final String COMMUNICATION_REQUEST = """
            {"title": "Warwickshire Prevent News – July 2020: Impact of COVID-19", "channel": "NEWSLETTER",
             "audience": "PROFESSIONALS", "priority": "INTELLIGENCE_COMMUNICATIONS", "publishedOn": "2020-07-15",
             "recipients": 850, "views": null, "incidentResponse": false,
             "summary": "Extremist online propaganda during the pandemic; the partnership's local response.",
             "partners": [{"organisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "role": "ORGANISER"}]}""";

    public static final String COMMUNICATION = """
            {"id": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
             "title": "Warwickshire Prevent News – July 2020: Impact of COVID-19", "channel": "NEWSLETTER",
             "audience": "PROFESSIONALS", "priority": "INTELLIGENCE_COMMUNICATIONS", "publishedOn": "2020-07-15",
             "recipients": 850, "views": null, "reach": 850, "incidentResponse": false,
             "summary": "Extremist online propaganda during the pandemic; the partnership's local response.",
             "partners": [{"organisationId": "7c2e4a6b-8d1f-4e3a-b5c7-9d0e1f2a3b4c", "role": "ORGANISER"}],
             "version": 0}""";

    public static final String COMMUNICATION_PAGE = "{\"items\": [" + COMMUNICATION
            + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";

    // --- Vocabulary ----------------------------------------------------------------------------------------------

    public static final String VOCABULARY = """
            {"organisationTypes": ["FAITH_GROUP", "VOLUNTARY_SECTOR", "EQUALITY_CHARITY", "BUSINESS", "SCHOOL", "COLLEGE",
                                   "UNIVERSITY", "COUNCIL", "POLICE", "HEALTH", "YOUTH_JUSTICE", "FUNDER", "OTHER"],
             "eventTypes": ["PUBLIC_MEETING", "WORKSHOP", "CONFERENCE", "BUSINESS_EVENT", "SCHOOL_PROJECT", "FOCUS_GROUP",
                            "COMMUNITY_FORUM", "AWARENESS_SESSION", "GOVERNANCE_MEETING", "OTHER"],
             "audiences": ["COMMUNITY", "FAITH", "BUSINESS", "EDUCATION", "VOLUNTARY_SECTOR", "PROFESSIONALS"],
             "channels": ["NEWSLETTER", "SCHOOLS_NEWSLETTER", "BULLETIN", "SOCIAL_POST", "WEB_UPDATE", "PRESS_RESPONSE"],
             "attendanceCountedBy": ["HEADCOUNT", "REGISTER", "BOOKINGS", "ESTIMATE"],
             "partnerRoles": ["ORGANISER", "PARTNER", "FUNDER"],
             "eventStatuses": ["PLANNED", "HELD", "POSTPONED", "CANCELLED"]}""";

    public static final String SUBJECT_REQUEST = """
            {"email": "events@equip.example.org", "name": "Events coordinator"}""";

    public static final String SUBJECT_EXPORT = """
            {"email": "events@equip.example.org", "name": "Events coordinator", "organisations": [""" + ORGANISATION + """
            ], "earlierRequests": []}""";

    public static final String SUBJECT_ACCESS_LOG = """
            {"items": [{"id": "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "action": "ERASE",
                        "requestedBy": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "requestedAt": "2026-03-03T10:15:00Z",
                        "purpose": "Erasure request of 3 March", "organisations": 1}],
             "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""";
}
