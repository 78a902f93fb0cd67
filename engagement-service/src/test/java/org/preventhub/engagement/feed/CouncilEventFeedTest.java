package org.preventhub.engagement.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.preventhub.engagement.support.EngagementApi.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.KafkaEvents;
import org.preventhub.testing.ReceivedEvent;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A borough's community team sends the events it held, in its own codes for areas and event types. */
@QuarkusTest
class CouncilEventFeedTest {

    private static final String HEADER = "recordId,title,eventType,date,days,area,attendance\n";

    private String source;
    private String feedToken;

    @BeforeEach
    void aBoroughWithItsCodesMapped() {
        source = "nbbc-" + UUID.randomUUID().toString().substring(0, 8);
        feedToken = TestTokens.as(Roles.FEED).agency(source).username(source + "-client").token();
        map("area", "NBBC", "nuneaton-and-bedworth");
        map("event-type", "CF", "COMMUNITY_FORUM");
        map("event-type", "WS", "WORKSHOP");
    }

    private void map(String kind, String code, String ours) {
        as(Roles.PREVENT_LEAD).body(Map.of("internalCode", ours)).put("/feeds/mappings/" + source + "/" + kind + "/" + code)
                .then().statusCode(200);
    }

    private ValidatableResponse upload(String csv, boolean dryRun) {
        return upload("text/csv", csv, dryRun);
    }

    private ValidatableResponse upload(String contentType, String body, boolean dryRun) {
        return given().auth().oauth2(feedToken).contentType(contentType).header("Prefer", "wait=60")
                .queryParam("dryRun", dryRun).body(body).post("/feeds/events/imports").then();
    }

    private String organisationNamed(String name, String type) {
        return as(Roles.ENGAGEMENT_OFFICER).body(Map.of("name", name, "type", type, "contactEmail", "team@org.example.org"))
                .post("/organisations").then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> storedEvent(String recordId) {
        return Sql.rows("""
                SELECT e.id::text AS id, e.attendance_counted_by AS counted_by, e.venue, e.funding_note,
                       (SELECT string_agg(p.role || ' ' || p.organisation_id, ', ' ORDER BY p.role, p.organisation_id)
                        FROM community_event_partner p WHERE p.event_id = e.id) AS partners
                FROM community_event e WHERE e.source = ? AND e.external_id = ?""", source, recordId).get(0);
    }

    private static String links(String... roleAndId) {
        List<String> links = new java.util.ArrayList<>();
        for (int i = 0; i < roleAndId.length; i += 2) {
            links.add(roleAndId[i] + " " + roleAndId[i + 1]);
        }
        links.sort(null);
        return links.isEmpty() ? null : String.join(", ", links);
    }

    private long stored() {
        return Sql.count("SELECT count(*) FROM community_event WHERE source = ?", source);
    }

    private long published() {
        return Sql.count("SELECT count(*) FROM outbox_event WHERE aggregateid IN "
                + "(SELECT id::text FROM community_event WHERE source = ?)", source);
    }

    private String line(String id, String type, String date, String area, String attendance) {
        return source + "-" + id + ",Community forum " + id + "," + type + "," + date + ",1," + area + "," + attendance + "\n";
    }

    /**
     * The one table of delivery words both feeds read (CompletionFeedTest sends the same words to the completions
     * feed): "classroom" is in person here as it is there, e-learning online, however it is capitalised or spaced.
     */
    @Test
    void classroomAndEveryOtherWordForAModeIsReadAsTheCompletionsFeedReadsIt() {
        List<String> words = new java.util.ArrayList<>(FeedRecord.DELIVERY_WORDS.keySet());
        words.addAll(List.of("Classroom", "face to face", "E_Learning"));
        StringBuilder csv = new StringBuilder("recordId,title,eventType,date,area,attendance,mode\n");
        for (int i = 0; i < words.size(); i++) {
            csv.append(source).append("-").append(i).append(",Forum ").append(i).append(",CF,2019-11-12,NBBC,10,")
                    .append(words.get(i)).append("\n");
        }
        upload(csv.toString(), false).statusCode(200).body("status", equalTo("APPLIED")).body("created", equalTo(words.size()));
        for (int i = 0; i < words.size(); i++) {
            FeedRecord.Delivery delivery = FeedRecord.DELIVERY_WORDS.get(
                    words.get(i).toLowerCase().replace('_', '-').replace(' ', '-'));
            assertThat(Sql.rows("SELECT mode FROM community_event WHERE source = ? AND external_id = ?", source,
                    source + "-" + i)).as(words.get(i))
                    .containsExactly(Map.of("mode", delivery.online() ? "ONLINE" : "IN_PERSON"));
        }
        assertThat(FeedRecord.DELIVERY_WORDS.get("classroom")).isEqualTo(FeedRecord.Delivery.IN_PERSON);
    }

    @Test
    void aDryRunReportsAnUnknownAreaAnImpossibleDateANegativeAttendanceAndADuplicateEachWithItsLine() {
        String csv = HEADER
                + line("1", "CF", "2019-11-12", "NBBC", "35")          // line 2: good
                + line("2", "CF", "2019-11-19", "BEDWORTH-EAST", "20") // line 3: area code nobody mapped
                + line("3", "WS", "31/11/2019", "NBBC", "12")          // line 4: not a date we read
                + line("4", "CF", "2019-12-03", "NBBC", "-4")          // line 5: negative attendance
                + line("5", "CF", "2019-12-10", "NBBC", "18")          // line 6: good
                + line("1", "CF", "2019-11-12", "NBBC", "35");         // line 7: line 2 again
        upload(csv, true).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("dryRun", equalTo(true))
                .body("records", equalTo(6))
                .body("rejected", equalTo(4))
                .body("rejections.line", equalTo(List.of(3, 4, 5, 7)))
                .body("rejections[0].reason", containsString("area"))
                .body("rejections[1].reason", containsString("YYYY-MM-DD"))
                .body("rejections[2].reason", containsString("attendance"))
                .body("rejections[3].reason", containsString("line 2"))
                // Nothing the sender wrote is echoed, neither free text (a title) nor a code: the line says where.
                .body("rejections.reason", everyItem(not(containsString("Community forum"))))
                .body("rejections[0].reason", equalTo("area has no mapping for source '" + source
                        + "' (kind 'area'); ask the Prevent team to map the code this line gives"));
        assertThat(stored()).isZero();

        // The same file for real is rejected whole: nothing stored, nothing published.
        upload(csv, false).statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(stored()).isZero();
    }

    @Test
    void anAppliedFileIsStoredOnceWithMappedCodesAndAResendIsANoOp() {
        String csv = HEADER + line("1", "CF", "2019-11-12", "NBBC", "35") + line("2", "WS", "2020-01-20", "NBBC", "14")
                + source + "-3,Schools project,WS,2020-01-13,5,rugby,120\n";
        upload(csv, true).statusCode(200).body("status", equalTo("VALIDATED")).body("created", equalTo(3));
        assertThat(stored()).isZero();

        String importId = upload(csv, false).statusCode(200).body("status", equalTo("APPLIED"))
                .body("created", equalTo(3)).body("updated", equalTo(0)).extract().path("id");
        assertThat(Sql.rows("SELECT type, area, status, attendance FROM community_event WHERE source = ? ORDER BY external_id",
                source)).containsExactly(
                        Map.of("type", "COMMUNITY_FORUM", "area", "nuneaton-and-bedworth", "status", "HELD", "attendance", 35),
                        Map.of("type", "WORKSHOP", "area", "nuneaton-and-bedworth", "status", "HELD", "attendance", 14),
                        Map.of("type", "WORKSHOP", "area", "rugby", "status", "HELD", "attendance", 120));
        assertThat(Sql.count("SELECT count(*) FROM community_event_day d JOIN community_event e ON e.id = d.event_id "
                + "WHERE e.source = ? AND e.external_id = ?", source, source + "-3")).isEqualTo(5);
        List<ReceivedEvent> held = KafkaEvents.await(Topics.ENGAGEMENT, e -> e.type().equals(EngagementEventTypes.EVENT_HELD)
                && source.equals(e.data().path("event").path("source").asText()), 3, Duration.ofSeconds(30));
        assertThat(held).hasSize(3);
        long publishedOnce = published();
        assertThat(publishedOnce).isEqualTo(3);

        // The same file again: a duplicate of the first import, nothing changes.
        upload(csv, false).statusCode(200).body("status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(importId));
        // The same records in another file (reordered): applied, every record ignored, nothing published.
        String reordered = HEADER + line("2", "WS", "2020-01-20", "NBBC", "14") + line("1", "CF", "2019-11-12", "NBBC", "35");
        upload(reordered, true).statusCode(200).body("status", equalTo("VALIDATED")).body("ignored", equalTo(2))
                .body("updated", equalTo(0)).body("created", equalTo(0));
        upload(reordered, false).statusCode(200).body("status", equalTo("APPLIED")).body("ignored", equalTo(2))
                .body("created", equalTo(0)).body("updated", equalTo(0));
        assertThat(stored()).isEqualTo(3);
        assertThat(published()).isEqualTo(publishedOnce);
    }

    @Test
    void aResentRecordWithANewCountCorrectsTheAttendanceAndKeepsTheHistory() {
        upload(HEADER + line("1", "CF", "2019-11-12", "NBBC", "35"), false).statusCode(200).body("status", equalTo("APPLIED"));
        upload(HEADER + line("1", "CF", "2019-11-12", "NBBC", "38"), false).statusCode(200)
                .body("status", equalTo("APPLIED")).body("updated", equalTo(1));
        String id = Sql.rows("SELECT id FROM community_event WHERE source = ?", source).get(0).get("id").toString();
        as(Roles.ANALYST).get("/events/" + id).then().statusCode(200)
                .body("attendance", equalTo(38))
                .body("attendanceHistory.attendance", equalTo(List.of(35, 38)))
                .body("attendanceHistory.kind", equalTo(List.of("RECORDED", "CORRECTED")));
        List<ReceivedEvent> events = KafkaEvents.forKey(Topics.ENGAGEMENT, id, 2, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::type)
                .containsExactly(EngagementEventTypes.EVENT_HELD, EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED);
        assertThat(events.get(1).data().get("previousAttendance").asInt()).isEqualTo(35);
    }

    @Test
    void aTitleWithALineBreakInsideQuotesInAFileWithCrlfRowsIsStoredWhole() {
        String csv = HEADER.replace("\n", "\r\n")
                + "\"" + source + "-1\",\"Forum,\r\nthen\rsupper\",CF,2019-11-12,1,NBBC,35\r\n"
                + line("2", "CF", "2019-11-19", "NBBC", "20").replace("\n", "\r\n");
        upload(csv, false).statusCode(200).body("status", equalTo("APPLIED")).body("created", equalTo(2));
        assertThat(Sql.rows("SELECT title FROM community_event WHERE source = ? ORDER BY external_id", source))
                .containsExactly(Map.of("title", "Forum,\r\nthen\rsupper"), Map.of("title", "Community forum 2"));
    }

    @Test
    void theFeedDescribesItsFields() {
        given().auth().oauth2(feedToken).get("/feeds").then().statusCode(200)
                .body("find { it.name == 'events' }.fields.name", org.hamcrest.Matchers.hasItems("recordId", "eventType",
                        "area", "attendance"));
    }

    @Test
    void theCountingMethodVenueAndPartnerOrganisationsComeFromTheFeedByRegisteredNameOrMappedCode() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String council = organisationNamed("Bedworth Communities Team " + tag, "COUNCIL");
        String mosque = organisationNamed("Bedworth Mosque " + tag, "FAITH_GROUP");
        String funder = organisationNamed("Community Safety Fund " + tag, "FUNDER");
        map("organisation", "NBBC-COMMS", council);
        map("counted-by", "SIGN-IN", "REGISTER");
        String header = "recordId,title,eventType,date,area,attendance,countedBy,venue,organisers,partners,funders,fundingNote\n";
        String csv = header
                + source + "-1,Iftar,CF,2019-11-12,NBBC,35,headcount,Bedworth Civic Hall,NBBC-COMMS,"
                + "bedworth mosque " + tag + ",Community Safety Fund " + tag + ",Small grant\n"
                + source + "-2,Forum,CF,2019-11-19,NBBC,20,SIGN-IN,,,\"NBBC-COMMS; Bedworth Mosque " + tag + "\",,\n"
                + source + "-3,Forum,CF,2019-11-26,NBBC,18,,,,,,\n";
        upload(csv, true).statusCode(200).body("status", equalTo("VALIDATED")).body("created", equalTo(3));
        upload(csv, false).statusCode(200).body("status", equalTo("APPLIED")).body("created", equalTo(3));

        Map<String, Object> first = storedEvent(source + "-1");
        assertThat(first).containsEntry("counted_by", "HEADCOUNT").containsEntry("venue", "Bedworth Civic Hall")
                .containsEntry("funding_note", "Small grant")
                .containsEntry("partners", links("ORGANISER", council, "PARTNER", mosque, "FUNDER", funder));
        assertThat(storedEvent(source + "-2")).containsEntry("counted_by", "REGISTER")
                .containsEntry("partners", links("PARTNER", council, "PARTNER", mosque));
        // A record that does not say how it counted gets the documented default.
        assertThat(storedEvent(source + "-3")).containsEntry("counted_by", "REGISTER").containsEntry("partners", null);

        ReceivedEvent held = KafkaEvents.forKey(Topics.ENGAGEMENT, (String) first.get("id"), 1, Duration.ofSeconds(30)).get(0);
        assertThat(held.type()).isEqualTo(EngagementEventTypes.EVENT_HELD);
        assertThat(held.data().get("event").get("attendanceCountedBy").asText()).isEqualTo("HEADCOUNT");
        assertThat(held.data().get("event").get("partnerTypes")).extracting(n -> n.asText())
                .containsExactlyInAnyOrder("COUNCIL", "FAITH_GROUP", "FUNDER");
        assertThat(held.data().toString()).doesNotContain("team@org", "Bedworth Mosque", "Civic Hall", "Small grant");

        // The same records again, reordered: nothing changes. A partner dropped from one: that one is updated.
        String reordered = header + csv.substring(header.length()).lines().sorted((a, b) -> b.compareTo(a))
                .map(l -> l + "\n").reduce("", String::concat);
        upload(reordered, false).statusCode(200).body("status", equalTo("APPLIED")).body("ignored", equalTo(3))
                .body("updated", equalTo(0));
        String dropped = header + source + "-2,Forum,CF,2019-11-19,NBBC,20,SIGN-IN,,,NBBC-COMMS,,\n";
        upload(dropped, true).statusCode(200).body("status", equalTo("VALIDATED")).body("updated", equalTo(1));
        upload(dropped, false).statusCode(200).body("status", equalTo("APPLIED")).body("updated", equalTo(1));
        assertThat(storedEvent(source + "-2")).containsEntry("partners", links("PARTNER", council));
        List<ReceivedEvent> second = KafkaEvents.forKey(Topics.ENGAGEMENT, (String) storedEvent(source + "-2").get("id"), 2,
                Duration.ofSeconds(30));
        assertThat(second).extracting(ReceivedEvent::type).containsExactly(EngagementEventTypes.EVENT_HELD,
                EngagementEventTypes.EVENT_UPDATED);
        assertThat(second.get(1).data().get("event").get("partnerTypes").toString()).isEqualTo("[\"COUNCIL\"]");
    }

    @Test
    void aFeedEventCarriesExactlyTheFieldsOfAnEventRecordedThroughTheApi() throws Exception {
        upload(HEADER + line("1", "CF", "2019-11-12", "NBBC", "35"), false).statusCode(200).body("status", equalTo("APPLIED"));
        String fromFeed = Sql.rows("SELECT o.payload::text AS payload FROM outbox_event o JOIN community_event e "
                + "ON o.aggregateid = e.id::text WHERE e.source = ?", source).get(0).get("payload").toString();
        String fromApi = Sql.rows("SELECT payload::text AS payload FROM outbox_event WHERE aggregateid = ? AND type = ?",
                org.preventhub.engagement.support.EngagementApi.heldEvent("Held through the API", 12),
                EngagementEventTypes.EVENT_HELD).get(0).get("payload").toString();
        var json = org.preventhub.testing.JsonBodies.MAPPER;
        assertThat(fieldNames(json.readTree(fromFeed))).isEqualTo(fieldNames(json.readTree(fromApi)));
        // And it reads as the contract, strictly.
        var changed = json.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(fromFeed, org.preventhub.contracts.engagement.CommunityEventChanged.class);
        assertThat(changed.event().dates()).containsExactly(java.time.LocalDate.parse("2019-11-12"));
        assertThat(changed.event().attendance()).isEqualTo(35);
        assertThat(changed.event().attendanceCountedBy()).isEqualTo("REGISTER");
        assertThat(changed.event().source()).isEqualTo(source);
        assertThat(changed.event().partnerTypes()).isEmpty();
    }

    private static java.util.SortedSet<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(name -> {
            names.add(name);
            if (node.get(name).isObject()) {
                fieldNames(node.get(name)).forEach(inner -> names.add(name + "." + inner));
            }
        });
        return names;
    }

    @Test
    void aFutureDateAnUnknownOrganisationOrCountingMethodAndARepeatedPartnerAreEachRejectedWithTheirLine() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        organisationNamed("Rugby Faith Forum " + tag, "FAITH_GROUP");
        String header = "recordId,title,eventType,date,area,attendance,countedBy,partners,organisers\n";
        String nextWeek = java.time.LocalDate.now().plusDays(7).toString();
        String csv = header
                + source + "-1,Forum,CF,2019-11-12,NBBC,35,REGISTER,Rugby Faith Forum " + tag + ",\n" // line 2: good
                + source + "-2,Forum,CF," + nextWeek + ",NBBC,35,,,\n"                                 // line 3: not held yet
                + source + "-3,Forum,CF,2019-11-12,NBBC,35,,Nobody Registered " + tag + ",\n"         // line 4: unknown organisation
                + source + "-4,Forum,CF,2019-11-12,NBBC,35,GUESSED,,\n"                               // line 5: unknown counting method
                + source + "-5,Forum,CF,2019-11-12,NBBC,35,,\"Rugby Faith Forum " + tag + ";rugby faith forum " + tag
                + "\",\n"                                                                             // line 6: same partner twice
                + source + "-6,Forum,CF,1999-12-31,NBBC,35,,,\n";                                     // line 7: implausibly old
        upload(csv, true).statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejections.line", equalTo(List.of(3, 4, 5, 6, 7)))
                .body("rejections[0].reason", containsString("future"))
                .body("rejections[1].reason", containsString("partners names an organisation that is not registered"))
                .body("rejections[2].reason", containsString("countedBy"))
                .body("rejections[3].reason", containsString("same organisation twice"))
                .body("rejections[4].reason", containsString("date"))
                .body("rejections.reason", everyItem(not(containsString("Nobody Registered"))));
        assertThat(stored()).isZero();
    }

    @Test
    void aJsonFeedWithABatchIdIsAppliedOnceAndItsOrganisationListsMayBeArrays() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String equip = organisationNamed("EQuIP " + tag, "EQUALITY_CHARITY");
        String batch = "{\"batchId\": \"" + source + "-week-46\", \"records\": [\n"
                + "  {\"recordId\": \"" + source + "-j1\", \"title\": \"We Stand Together\", \"eventType\": \"CF\",\n"
                + "   \"date\": \"2019-09-19\", \"days\": 2, \"area\": \"NBBC\", \"attendance\": 52,\n"
                + "   \"countedBy\": \"ESTIMATE\", \"mode\": \"online\", \"organisers\": [\"EQuIP " + tag + "\"]},\n"
                + "  {\"recordId\": \"" + source + "-j2\", \"title\": \"Workshop\", \"eventType\": \"WS\",\n"
                + "   \"date\": \"2019-09-20\", \"area\": \"rugby\", \"attendance\": 0, \"funders\": []}\n"
                + "]}";
        upload("application/json", batch, false).statusCode(200).body("status", equalTo("APPLIED"))
                .body("batchId", equalTo(source + "-week-46")).body("created", equalTo(2));
        assertThat(Sql.rows("SELECT e.mode, e.attendance, e.attendance_counted_by AS counted_by, "
                + "(SELECT count(*) FROM community_event_day d WHERE d.event_id = e.id) AS days "
                + "FROM community_event e WHERE e.source = ? ORDER BY e.external_id", source)).containsExactly(
                        Map.of("mode", "ONLINE", "attendance", 52, "counted_by", "ESTIMATE", "days", 2L),
                        Map.of("mode", "IN_PERSON", "attendance", 0, "counted_by", "REGISTER", "days", 1L));
        assertThat(storedEvent(source + "-j1")).containsEntry("partners", links("ORGANISER", equip));

        // The same batch id again, even with other content, is a duplicate: nothing changes.
        upload("application/json", batch.replace("\"attendance\": 52", "\"attendance\": 60"), false).statusCode(200).body("status", equalTo("DUPLICATE"));
        assertThat(Sql.count("SELECT count(*) FROM community_event WHERE source = ? AND attendance = 60", source)).isZero();

        // Organisers nested deeper than the JSON parser goes: the file is rejected whole, with a reason.
        String deep = "{\"batchId\": \"" + source + "-deep\", \"records\": [\n"
                + "  {\"recordId\": \"" + source + "-j4\", \"title\": \"x\", \"eventType\": \"CF\", \"date\": \"2019-09-20\",\n"
                + "   \"area\": \"rugby\", \"attendance\": 1, \"organisers\": " + "[".repeat(1_200) + "]".repeat(1_200) + "}\n"
                + "]}";
        upload("application/json", deep, false).statusCode(200).body("status", equalTo("REJECTED"))
                .body("error", org.hamcrest.Matchers.nullValue())
                .body("rejected", equalTo(1))
                .body("rejections[0].line", equalTo(3))
                .body("rejections[0].reason", containsString("at most 1000 levels of nesting"));
        assertThat(Sql.count("SELECT count(*) FROM community_event WHERE source = ? AND external_id = ?", source,
                source + "-j4")).isZero();

        // A JSON record that is not well-formed for its list is rejected with its line.
        String bad = "[{\"recordId\": \"" + source + "-j3\", \"title\": \"x\", \"eventType\": \"CF\", "
                + "\"date\": \"2019-09-20\", \"area\": \"rugby\", \"attendance\": 1, \"partners\": [1, 2]}]";
        upload("application/json", bad, true).statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejections[0].line", equalTo(1)).body("rejections[0].reason", containsString("partners"));
    }
}
