package org.preventhub.stack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed report's training year (September 2019 – August 2020), entered through the training API:
 * WRAP 5 sessions; Prevent Update 44 in-person sessions to mid-March 2020, then 41 online events; Prevent Online
 * Grooming 8 events for parents; the bespoke sessions the report names (NHS CCG trainers, youth justice staff,
 * 39 commissioning staff in August 2020) within those counts; and the programme planned into 2021.
 * Each past session gets its bookings, recorded by its trainer from the booking sheet as they were made (most of
 * those booked come, some do not show), its register (attended or no-show for each booking, and a few walk-ins
 * from the sign-in sheet), is marked delivered, and gets its paper evaluations, so the report's figures come out of
 * the service: WRAP 60 people, Prevent Update 1,306 in person and 494 online, Online Grooming 240, and 97% of
 * evaluated attendees understanding how to share a concern; and its bookings are the year's bookings.
 * A few sessions in the coming weeks take bookings, one of them with a waiting list.
 * Generated deterministically, so every start produces the same year.
 */
final class TrainingDemoData {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String[] AREAS = { "warwick", "nuneaton-and-bedworth", "rugby", "stratford-on-avon",
            "north-warwickshire" };
    private static final Map<String, String> VENUES = Map.of(
            "warwick", "Shire Hall, Warwick",
            "nuneaton-and-bedworth", "Town Hall, Nuneaton",
            "rugby", "Rugby Town Hall",
            "stratford-on-avon", "Elizabeth House, Stratford-upon-Avon",
            "north-warwickshire", "Council House, Atherstone");
    private static final Map<String, String> COMMUNITY_VENUES = Map.of(
            "warwick", "Brunswick Healthy Living Centre, Leamington Spa",
            "nuneaton-and-bedworth", "Camp Hill Community Centre, Nuneaton",
            "rugby", "Benn Partnership Centre, Rugby",
            "stratford-on-avon", "Stratford Primary School, Stratford-upon-Avon",
            "north-warwickshire", "Coleshill Community Centre");
    private static final String[] SECTORS = { "EDUCATION", "HEALTH", "LOCAL_AUTHORITY", "COMMUNITY",
            "POLICE", "EDUCATION", "LOCAL_AUTHORITY", "HEALTH", "PROBATION", "BUSINESS" };

    private final ApiClient api;
    private final String baseUrl;
    private final java.util.Random random = new java.util.Random(2019);
    private final List<Held> held = new ArrayList<>();
    private int scheduled;
    private int participant;

    /** A past session and how many came. */
    private record Held(String sessionId, int attended, Scheduled session) {
    }

    /** What the loader said about a session it scheduled. */
    private record Scheduled(OffsetDateTime startsAt, int capacity, String organisation, String sector) {
    }

    private final Map<String, Scheduled> scheduledAs = new java.util.HashMap<>();

    TrainingDemoData(ApiClient api, String baseUrl) {
        this.api = api;
        this.baseUrl = baseUrl;
    }

    /** @return sessions scheduled, 0 if the catalogue was loaded before */
    int load() {
        if (api.get(baseUrl + "/courses", "trainer").size() > 0) {
            return 0;
        }
        Map<String, String> courses = new LinkedHashMap<>();
        courses.put("WRAP", course("WRAP", "Workshop to Raise Awareness of Prevent (WRAP)",
                "Home Office scripted awareness session: identifying grooming, extremism, radicalisation and terrorism.",
                "AWARENESS_LEARNING", "Communities, frontline staff, charities and commissioned services", 120,
                List.of("IN_PERSON"), true));
        courses.put("PREVENT-UPDATE", course("PREVENT-UPDATE", "Prevent Update",
                "The Prevent duty, local challenges and priorities, signs and symbols of extremism, vulnerabilities "
                        + "and how to access support. For people who attended WRAP before and for newcomers.",
                "AWARENESS_LEARNING", "Staff of all sectors", 120, List.of("IN_PERSON", "ONLINE"), true));
        courses.put("ONLINE-GROOMING", course("ONLINE-GROOMING", "Prevent Online Grooming – Keeping Your Family Safe",
                "How extremists groom vulnerable people online; internet use, gaming and the dark web; keeping safe.",
                "AWARENESS_LEARNING", "Parents and carers, in community centres and schools", 90,
                List.of("IN_PERSON", "ONLINE"), true));
        courses.put("TRAIN-THE-TRAINER", course("TRAIN-THE-TRAINER", "Train the Trainer (WRAP accredited trainer)",
                "Accreditation as a Home Office WRAP trainer. Frozen nationally since March 2019.",
                "AWARENESS_LEARNING", "Frontline staff and team managers who train others", 360,
                List.of("IN_PERSON"), false));
        courses.put("WRAP3-DSL", course("WRAP3-DSL", "WRAP3 for school Designated Safeguarding Leads",
                "Prepares school DSLs to deliver WRAP3 to their own staff.", "SAFE_EDUCATION",
                "School designated safeguarding leads", 180, List.of("IN_PERSON", "ONLINE"), true));

        // WRAP: 5 sessions, September 2019 to March 2020.
        LocalDate[] wrapDates = { LocalDate.of(2019, 9, 18), LocalDate.of(2019, 11, 6), LocalDate.of(2020, 1, 15),
                LocalDate.of(2020, 2, 12), LocalDate.of(2020, 3, 4) };
        for (int i = 0; i < wrapDates.length; i++) {
            String area = AREAS[i % AREAS.length];
            hold(session(courses.get("WRAP"), wrapDates[i], LocalTime.of(9, 30), 120, "IN_PERSON", VENUES.get(area), area,
                    15, null, SECTORS[i % SECTORS.length]), 12);
        }
        // Prevent Update in person: 44 sessions until lockdown (23 March 2020), two of them bespoke.
        List<LocalDate> inPerson = spread(LocalDate.of(2019, 9, 10), LocalDate.of(2020, 3, 17), 44);
        int[] inPersonCounts = split(1_306, 44, 18, 40);
        for (int i = 0; i < inPerson.size(); i++) {
            String area = AREAS[(i * 3) % AREAS.length];
            String organisation = null;
            String sector = SECTORS[(i + 2) % SECTORS.length];
            if (i == 20) {
                organisation = "NHS Coventry and Warwickshire Clinical Commissioning Group (trainers)";
                sector = "HEALTH";
            } else if (i == 26) {
                organisation = "Warwickshire Youth Justice Service";
                // A youth justice service is the county council's (with its partners): the local authority sector.
                sector = "LOCAL_AUTHORITY";
            }
            hold(session(courses.get("PREVENT-UPDATE"), inPerson.get(i), i % 4 == 3 ? LocalTime.of(13, 30) : LocalTime.of(9, 30),
                    120, "IN_PERSON", VENUES.get(area), area, 40, organisation, sector), inPersonCounts[i]);
        }
        // Prevent Update online: 41 events after lockdown, in the week and in the evenings; the last is the
        // bespoke session for 39 strategy and commissioning staff in August 2020.
        List<LocalDate> online = spread(LocalDate.of(2020, 4, 21), LocalDate.of(2020, 8, 25), 41);
        int[] onlineCounts = split(494 - 39, 40, 6, 20);
        for (int i = 0; i < online.size(); i++) {
            boolean commissioning = i == online.size() - 1;
            hold(session(courses.get("PREVENT-UPDATE"), online.get(i), i % 5 == 4 ? LocalTime.of(18, 30) : LocalTime.of(10, 0),
                    90, "ONLINE", null, "county-wide", commissioning ? 45 : 20,
                    commissioning ? "Warwickshire County Council Strategy and Commissioning" : null,
                    commissioning ? "LOCAL_AUTHORITY" : SECTORS[(i + 5) % SECTORS.length]),
                    commissioning ? 39 : onlineCounts[i]);
        }
        // Online Grooming: 8 events for parents, community centres and schools, to March 2020.
        List<LocalDate> grooming = spread(LocalDate.of(2019, 9, 24), LocalDate.of(2020, 3, 10), 8);
        for (int i = 0; i < grooming.size(); i++) {
            String area = AREAS[(i * 2) % AREAS.length];
            hold(session(courses.get("ONLINE-GROOMING"), grooming.get(i), LocalTime.of(18, 0), 90, "IN_PERSON",
                    COMMUNITY_VENUES.get(area), area, 40, null, "PUBLIC"), 30);
        }
        // Planned for 2020/21: WRAP3 for DSLs, and the programme for children's services commissioned providers.
        session(courses.get("WRAP3-DSL"), LocalDate.of(2020, 11, 17), LocalTime.of(13, 30), 180, "ONLINE", null,
                "county-wide", 30, null, "EDUCATION");
        session(courses.get("WRAP3-DSL"), LocalDate.of(2021, 2, 9), LocalTime.of(13, 30), 180, "ONLINE", null,
                "county-wide", 30, null, "EDUCATION");
        for (LocalDate date : List.of(LocalDate.of(2020, 12, 8), LocalDate.of(2021, 1, 19), LocalDate.of(2021, 3, 16))) {
            session(courses.get("PREVENT-UPDATE"), date, LocalTime.of(10, 0), 90, "ONLINE", null, "county-wide", 25,
                    "Children's Services commissioned providers", "LOCAL_AUTHORITY");
        }
        upcoming(courses.get("PREVENT-UPDATE"));
        for (Held session : held) {
            register(session);
        }
        return scheduled;
    }

    /** Sessions in the coming weeks, open for booking; the first is full and has a waiting list. */
    private void upcoming(String courseId) {
        LocalDate start = LocalDate.now(LONDON).plusDays(14);
        for (int i = 0; i < 4; i++) {
            String area = AREAS[i % AREAS.length];
            int capacity = i == 0 ? 6 : 30;
            String id = session(courseId, start.plusWeeks(i), LocalTime.of(9, 30), 120, "IN_PERSON", VENUES.get(area),
                    area, capacity, null, "EDUCATION");
            int bookings = i == 0 ? 9 : 5 + i * 4;
            for (int b = 0; b < bookings; b++) {
                api.post(baseUrl + "/sessions/" + id + "/bookings", "booking", attendee(SECTORS[b % SECTORS.length], true));
            }
        }
    }

    /**
     * The bookings from the booking sheet (made one to four weeks before), the register (each booking attended or a
     * no-show, and walk-ins from the sign-in sheet), delivery, then the paper evaluations (about 85% return them).
     * Of the people who came, a few walked in; the rest had booked, and 5 to 12% of those booked did not come, as
     * far as the session's seats allow (a session that was full had no room for no-shows).
     */
    private void register(Held held) {
        Scheduled session = held.session();
        int attended = held.attended();
        int bookedAndCame = Math.min(session.capacity(), attended - Math.min(attended, attended / 15 + random.nextInt(2)));
        int walkIns = attended - bookedAndCame;
        int noShows = Math.min(session.capacity() - bookedAndCame,
                Math.round(bookedAndCame * (5 + random.nextInt(8)) / 100f));
        List<Map<String, Object>> marks = new ArrayList<>();
        for (int i = 0; i < bookedAndCame + noShows; i++) {
            String sector = i % 3 == 0 ? session.sector() : SECTORS[random.nextInt(SECTORS.length)];
            Map<String, Object> person = attendee(sector, true);
            if (session.organisation() != null) {
                person.put("organisation", session.organisation());
            }
            person.put("bookedAt", session.startsAt().minusDays(7 + random.nextInt(22)).withHour(10).toString());
            JsonNode booking = api.post(baseUrl + "/sessions/" + held.sessionId() + "/bookings", "trainer", person);
            marks.add(Map.of("bookingId", booking.get("id").asText(), "attended", i < bookedAndCame));
        }
        List<Map<String, Object>> walkInList = new ArrayList<>();
        for (int i = 0; i < walkIns; i++) {
            walkInList.add(attendee(i % 2 == 0 ? session.sector() : SECTORS[random.nextInt(SECTORS.length)], false));
        }
        api.send("PUT", baseUrl + "/sessions/" + held.sessionId() + "/attendance", "trainer",
                Map.of("bookings", marks, "walkIns", walkInList), null);
        api.post(baseUrl + "/sessions/" + held.sessionId() + "/delivery", "trainer", null);
        // One page holds a whole register here (at most 45 booked and a few walk-ins a session).
        JsonNode register = api.get(baseUrl + "/sessions/" + held.sessionId() + "/attendance?size=100", "trainer");
        List<Map<String, Object>> forms = new ArrayList<>();
        for (JsonNode mark : register.get("items")) {
            if (!mark.get("attended").asBoolean() || random.nextInt(100) >= 85) {
                continue;
            }
            int before = 1 + random.nextInt(3);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("attendanceId", mark.get("id").asText());
            form.put("understandsHowToShareConcern", random.nextInt(1000) >= 26);
            form.put("confidenceBefore", before);
            form.put("confidenceAfter", Math.min(5, before + 1 + random.nextInt(3)));
            form.put("usefulness", 3 + random.nextInt(3));
            forms.add(form);
        }
        if (!forms.isEmpty()) {
            api.post(baseUrl + "/sessions/" + held.sessionId() + "/evaluations", "trainer", forms);
        }
    }

    private Map<String, Object> attendee(String sector, boolean withEmail) {
        int n = ++participant;
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "Participant " + n);
        if (withEmail) {
            person.put("email", "participant" + n + "@demo.prevent-hub.org");
        }
        person.put("organisation", ORGANISATIONS.getOrDefault(sector, "Warwickshire County Council"));
        person.put("sector", sector);
        person.put("jobRole", "Frontline staff");
        return person;
    }

    private static final Map<String, String> ORGANISATIONS = Map.of(
            "EDUCATION", "Warwickshire schools", "HEALTH", "South Warwickshire NHS Foundation Trust",
            "LOCAL_AUTHORITY", "Warwickshire County Council", "COMMUNITY", "Warwickshire CAVA",
            "POLICE", "Warwickshire Police", "PROBATION", "Probation Service, Warwickshire",
            "BUSINESS", "Warwickshire businesses", "PUBLIC", "Parents and carers");

    private void hold(String sessionId, int attended) {
        held.add(new Held(sessionId, attended, scheduledAs.get(sessionId)));
    }

    /** {@code total} people over {@code sessions} sessions, each between min and max, deterministically uneven. */
    int[] split(int total, int sessions, int min, int max) {
        int[] counts = new int[sessions];
        int left = total;
        for (int i = 0; i < sessions; i++) {
            int remaining = sessions - i - 1;
            int low = Math.max(min, left - remaining * max);
            int high = Math.min(max, left - remaining * min);
            int mean = left / (remaining + 1);
            int value = Math.max(low, Math.min(high, mean + random.nextInt(9) - 4));
            counts[i] = value;
            left -= value;
        }
        return counts;
    }

    private String course(String code, String title, String description, String priority, String audience,
            int minutes, List<String> modes, boolean active) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("title", title);
        body.put("description", description);
        body.put("priority", priority);
        body.put("audience", audience);
        body.put("durationMinutes", minutes);
        body.put("modes", modes);
        body.put("active", active);
        JsonNode created = api.post(baseUrl + "/courses", "prevent-lead", body);
        return created.get("id").asText();
    }

    private String session(String courseId, LocalDate date, LocalTime time, int minutes, String mode, String venue,
            String area, int capacity, String organisation, String sector) {
        OffsetDateTime start = date.atTime(time).atZone(LONDON).toOffsetDateTime();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("courseId", courseId);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusMinutes(minutes).toString());
        body.put("mode", mode);
        body.put("venue", venue);
        body.put("onlineLink", "ONLINE".equals(mode) ? "https://meet.safeinwarwickshire.example/prevent-update" : null);
        body.put("area", area);
        body.put("capacity", capacity);
        body.put("trainer", "Prevent Officer");
        body.put("access", organisation == null ? "OPEN" : "BESPOKE");
        body.put("organisation", organisation);
        body.put("audienceSector", sector);
        scheduled++;
        String id = api.post(baseUrl + "/sessions", "trainer", body).get("id").asText();
        scheduledAs.put(id, new Scheduled(start, capacity, organisation, sector));
        return id;
    }

    /** {@code count} working days spread evenly from {@code first} to {@code last}. */
    static List<LocalDate> spread(LocalDate first, LocalDate last, int count) {
        List<LocalDate> days = new ArrayList<>();
        long span = last.toEpochDay() - first.toEpochDay();
        for (int i = 0; i < count; i++) {
            LocalDate day = LocalDate.ofEpochDay(first.toEpochDay() + span * i / Math.max(1, count - 1));
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            days.add(day);
        }
        return days;
    }
}
