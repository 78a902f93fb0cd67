package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The whole suite as a user starts it (real Keycloak, PostgreSQL, Kafka, the four services and the gateway, the
 * seed year's demo data), driven only through the gateway with real Keycloak tokens: the work of a year's
 * partnership (a session booked, attended and evaluated; a referral from intake to adoption; a community event
 * held) shows up in reporting within seconds, and the door refuses what it must.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSuite.Shared.class)
@Order(1)
class SuiteEndToEndIT {

    private static final String PURPOSE = "X-Access-Purpose";
    private static final Duration FRESHNESS = Duration.ofSeconds(10);

    private static LocalStack stack;
    private static StackConfig config;
    private static Tokens tokens;
    private static SuiteClient suite;
    private static String gateway;

    @BeforeAll
    static void connect(RunningSuite running) {
        stack = running.stack();
        config = running.config();
        assertThat(stack.running()).extracting(ServiceDefinition::name)
                .containsExactly("training-service", "referral-service", "engagement-service", "reporting-service", "gateway");
        tokens = running.tokens();
        gateway = running.gateway();
        suite = new SuiteClient(gateway);
    }

    // --- The year's work through the front door ---

    @Test
    @Order(1)
    void theSeedYearsReportComesOutOfTheSuite() {
        String analyst = tokens.forUser("analyst-wcc");
        // The demo year was entered through the services' APIs; reporting learnt it all from their events.
        JsonNode report = eventually(Duration.ofMinutes(3), () -> {
            JsonNode annual = suite.get("/api/reporting/reports/annual?year=2019&format=json").token(analyst)
                    .send().expect(200).json();
            assertThat(cell(annual, "AWARENESS_LEARNING", "training.people-trained", "ONLINE-GROOMING")).isEqualTo(240);
            assertThat(cell(annual, "COMMUNITY_ENGAGEMENT", "engagement.attendance", "PUBLIC_MEETING")).isEqualTo(147);
            return annual;
        });
        assertThat(cell(report, "AWARENESS_LEARNING", "training.sessions-delivered", "WRAP")).isEqualTo(5);
        assertThat(cell(report, "AWARENESS_LEARNING", "training.people-trained", "WRAP")).isEqualTo(60);
        assertThat(cell(report, "AWARENESS_LEARNING", "training.sessions-delivered", "ONLINE-GROOMING")).isEqualTo(8);
        // The year's bookings, recorded by the trainers as they were made: most of the people trained had booked,
        // and some who booked did not come (a few September bookings were made in August, the year before).
        assertThat(cell(report, "AWARENESS_LEARNING", "training.bookings", "WRAP")).isBetween(45, 75);
        assertThat(cell(report, "AWARENESS_LEARNING", "training.bookings", "ONLINE-GROOMING")).isBetween(220, 260);
        assertThat(cell(report, "COMMUNITY_ENGAGEMENT", "engagement.events-held", "PUBLIC_MEETING")).isEqualTo(3);
        // Prevent Update: 44 sessions in person before lockdown, 41 online after, as the course-by-mode table says.
        assertThat(cell(report, "AWARENESS_LEARNING", "training.sessions-delivered", "PREVENT-UPDATE,IN_PERSON")).isEqualTo(44);
        assertThat(cell(report, "AWARENESS_LEARNING", "training.sessions-delivered", "PREVENT-UPDATE,ONLINE")).isEqualTo(41);
        assertThat(report.path("sections")).hasSize(6);
    }

    @Test
    @Order(1)
    void aTraineeOfTheSeedYearErasedOnRequestLeavesTheYearsReportExactlyAsItWas() throws InterruptedException {
        String lead = tokens.forUser("lead-wcc");
        JsonNode before = eventually(Duration.ofMinutes(3), () -> {
            JsonNode annual = suite.get("/api/reporting/reports/annual?year=2019&format=json").token(lead)
                    .send().expect(200).json();
            assertThat(cell(annual, "AWARENESS_LEARNING", "training.people-trained", "ONLINE-GROOMING")).isEqualTo(240);
            return annual;
        });
        // Someone booked on the year's first WRAP session: the Prevent lead finds their address as staff would.
        String wrapSession = suite.get("/api/training/sessions?courseCode=WRAP&from=2019-09-01&to=2020-08-31&size=1")
                .token(lead).send().expect(200).json().path("items").get(0).path("id").asText();
        String email = suite.get("/api/training/bookings?session=" + wrapSession + "&size=1").token(lead).send()
                .expect(200).json().path("items").get(0).path("attendee").path("email").asText();
        assertThat(email).endsWith("@demo.prevent-hub.org");
        JsonNode export = suite.post("/api/training/subject-access").token(lead).header("X-Access-Purpose", "SAR e2e")
                .json(Map.of("email", email)).send().expect(200).json();
        assertThat(export.path("bookings")).isNotEmpty();

        suite.post("/api/training/subject-access/erasure").token(lead).header("X-Access-Purpose", "Erasure e2e")
                .json(Map.of("email", email)).send().expect(200);

        assertThat(suite.post("/api/training/subject-access").token(lead).header("X-Access-Purpose", "Check e2e")
                .json(Map.of("email", email)).send().expect(200).json().path("bookings")).isEmpty();
        // Nothing was published that reporting could count: the report stays exactly as it was, for longer than the
        // suite's promised freshness.
        Thread.sleep(FRESHNESS.toMillis());
        JsonNode after = suite.get("/api/reporting/reports/annual?year=2019&format=json").token(lead).send().expect(200).json();
        assertThat(after.path("sections")).isEqualTo(before.path("sections"));
    }

    @Test
    @Order(2)
    void aSessionIsBookedAttendedAndEvaluatedAndReportingCountsItWithinSeconds() {
        String trainer = tokens.forUser("trainer-wcc");
        String booking = tokens.forClient("booking-website", "booking-website-secret");
        String lead = tokens.forUser("lead-wcc");
        JsonNode courses = suite.get("/api/training/courses").token(trainer).send().expect(200).json();
        String wrap = courseId(courses, "WRAP");
        double before = indicatorTotal("training.people-trained", lead);

        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
        Map<String, Object> session = new HashMap<>();
        session.put("courseId", wrap);
        session.put("startsAt", start.toString());
        session.put("endsAt", start.plusHours(2).toString());
        session.put("mode", "IN_PERSON");
        session.put("venue", "Shire Hall, Warwick");
        session.put("area", "warwick");
        session.put("capacity", 20);
        session.put("access", "OPEN");
        session.put("audienceSector", "EDUCATION");
        SuiteClient.Answer created = suite.post("/api/training/sessions").token(trainer)
                .header("Idempotency-Key", UUID.randomUUID().toString()).json(session).send().expect(201);
        String sessionId = created.json().path("id").asText();
        assertThat(created.header("Location")).startsWith(gatewayUrl() + "/api/training/sessions/");

        JsonNode booked = suite.post("/api/training/sessions/" + sessionId + "/bookings").token(booking)
                .json(Map.of("name", "Robin Example", "email", "robin.e2e@example.org",
                        "organisation", "Example Academy", "sector", "EDUCATION", "jobRole", "Teacher"))
                .send().expect(201).json();
        assertThat(booked.path("status").asText()).isEqualTo("CONFIRMED");

        // The session takes place: it moves into the past, the trainer takes the register and closes it.
        session.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).withNano(0).toString());
        session.put("endsAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString());
        suite.put("/api/training/sessions/" + sessionId).token(trainer).json(session).send().expect(200);
        // The booking website can no longer book it; the trainer records a booking from the booking sheet, as made.
        Map<String, Object> fromTheSheet = Map.of("name", "Pat Example", "email", "pat.e2e@example.org",
                "organisation", "Probation Service", "sector", "PROBATION",
                "bookedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0).toString());
        suite.post("/api/training/sessions/" + sessionId + "/bookings").token(booking).json(fromTheSheet).send()
                .expect(409);
        JsonNode recorded = suite.post("/api/training/sessions/" + sessionId + "/bookings").token(trainer)
                .json(fromTheSheet).send().expect(201).json();
        suite.put("/api/training/sessions/" + sessionId + "/attendance").token(trainer)
                .json(Map.of("bookings", List.of(Map.of("bookingId", booked.path("id").asText(), "attended", true),
                        Map.of("bookingId", recorded.path("id").asText(), "attended", true)),
                        "walkIns", List.of(Map.of("name", "Sam Example", "organisation", "HMP Example", "sector", "PRISONS"))))
                .send().expect(200);
        suite.post("/api/training/sessions/" + sessionId + "/delivery").token(trainer).json(Map.of()).send().expect(200);

        // The attendee evaluates through the booking website with the booking's reference and secret.
        suite.post("/api/training/bookings/" + booked.path("reference").asText() + "/evaluation").token(booking)
                .json(Map.of("secret", booked.path("cancellationSecret").asText(), "understandsHowToShareConcern", true,
                        "confidenceBefore", 2, "confidenceAfter", 5, "usefulness", 5))
                .send().expect(201);

        awaitIndicatorTotal("training.people-trained", lead, before + 3);
        // Prisons and Probation are two sectors from the register to the report.
        JsonNode bySector = suite.get("/api/reporting/indicators/training.people-trained/values?year=" + reportingYear()
                + "&calendar=reporting&by=sector").token(lead).send().expect(200).json();
        Map<String, Integer> cells = new HashMap<>();
        bySector.path("breakdown").path("cells").forEach(c -> cells.put(c.path("key").asText(), c.path("figure").path("value").asInt()));
        assertThat(cells).containsEntry("PRISONS", 1).containsEntry("PROBATION", 1);
    }

    @Test
    @Order(3)
    void aReferralGoesFromIntakeToAdoptionByTheRightRolesAndOnlyItsAgencySeesIt() {
        String referrer = tokens.forUser("referrer-police");
        String otherAgency = tokens.forUser("referrer-wcc");
        String lead = tokens.forUser("lead-wcc");
        double before = indicatorTotal("referrals.received", lead);

        Map<String, Object> person = new HashMap<>();
        person.put("name", "Alex Fictional");
        person.put("dateOfBirth", LocalDate.now().minusYears(17).toString());
        person.put("gender", "MALE");
        person.put("address", "1 Example Road, Rugby");
        person.put("area", "rugby");
        person.put("schoolOrEmployer", "Example College");
        Map<String, Object> referral = Map.of(
                "referrer", Map.of("sector", "POLICE", "contactName", "PC Example", "contactEmail", "pc@police.example.org"),
                "person", person,
                "concernTypes", List.of("EXTREME_RIGHT_WING"),
                "prompt", "Shared extreme right-wing material online.",
                "urgency", "ROUTINE");
        String id = suite.post("/api/referrals/referrals").token(referrer).json(referral).send().expect(201)
                .json().path("id").asText();

        // Another agency's referrer cannot tell it exists.
        suite.get("/api/referrals/referrals/" + id).token(otherAgency).header(PURPOSE, "Checking our referrals")
                .send().expect(404);
        // A referrer may not move it along the Channel journey.
        suite.post("/api/referrals/referrals/" + id + "/steps/start-screening").token(referrer)
                .json(Map.of("reason", "x")).send().expect(403);

        step(lead, id, "start-screening", "Deconfliction and information gathering.");
        step(lead, id, "list-for-panel", "Vulnerabilities identified; listed for the next panel.");
        String panelMember = tokens.forUser("panel-wcc");
        String panel = suite.post("/api/referrals/panels").token(lead).json(Map.of(
                "meetsOn", LocalDate.now().minusDays(1).toString(),
                "chair", Map.of("userId", subject(lead), "name", "Channel chair", "agency", "warwickshire-county-council"),
                "members", List.of(Map.of("userId", subject(panelMember), "name", "Panel member", "agency", "warwickshire-county-council"))))
                .send().expect(201).json().path("id").asText();
        suite.post("/api/referrals/panels/" + panel + "/agenda").token(lead).json(Map.of("referralId", id)).send().expect(200);
        suite.post("/api/referrals/panels/" + panel + "/agenda/" + id + "/decision").token(panelMember)
                .json(Map.of("decision", "ADOPTED", "minutes", "Adopted; mentoring agreed.")).send().expect(200);

        JsonNode seenByReferrer = suite.get("/api/referrals/referrals/" + id).token(referrer)
                .header(PURPOSE, "Follow-up of our referral").send().expect(200).json();
        assertThat(seenByReferrer.path("status").asText()).isEqualTo("ADOPTED");
        assertThat(seenByReferrer.toString()).doesNotContain("Alex Fictional").doesNotContain("minutes");

        awaitIndicatorTotal("referrals.received", lead, before + 1);
    }

    @Test
    @Order(4)
    void aCommunityEventIsHeldAndReportingCountsItsAttendanceWithinSeconds() {
        String officer = tokens.forUser("engagement-wcc");
        String lead = tokens.forUser("lead-wcc");
        double before = indicatorTotal("engagement.attendance", lead);
        String event = suite.post("/api/engagement/events").token(officer).json(Map.of(
                "title", "Safe and Secure workshop", "type", "WORKSHOP", "dates", List.of(LocalDate.now().toString()),
                "mode", "IN_PERSON", "area", "warwick", "priority", "COMMUNITY_ENGAGEMENT", "audience", "FAITH",
                "venue", "Leamington Spa"))
                .send().expect(201).json().path("id").asText();
        suite.post("/api/engagement/events/" + event + "/held").token(officer)
                .json(Map.of("attendance", 31, "countedBy", "HEADCOUNT", "outcomes", "Security advice for places of worship."))
                .send().expect(200);

        awaitIndicatorTotal("engagement.attendance", lead, before + 31);
        String html = suite.get("/api/reporting/reports/annual?year=" + reportingYear() + "&calendar=reporting&format=html")
                .token(lead).header("Accept", "text/html").send().expect(200).text();
        assertThat(html).contains("<svg").contains("Community and voluntary sector engagement");
        // The printable form, rendered by the packaged service (its XML and SVG libraries as deployed).
        byte[] pdf = suite.get("/api/reporting/reports/annual?year=" + reportingYear() + "&calendar=reporting&format=pdf")
                .token(lead).header("Accept", "application/pdf").sendForBytes(200);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    // --- What the door refuses ---

    @Test
    @Order(5)
    void refusesMissingExpiredForgedAndForeignTokens() throws Exception {
        SuiteClient.Answer anonymous = suite.get("/api/training/sessions").send();
        assertProblem(anonymous, 401);

        String real = tokens.forUser("trainer-wcc");
        String[] parts = real.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[256]);
        assertProblem(suite.get("/api/training/sessions").token(forged).send(), 401);

        // A token that was good a moment ago is refused once it has expired. It lives a few seconds: its expiry is
        // counted in whole seconds, so a one-second token could be expired on arrival on a busy machine.
        String shortLived = shortLivedToken();
        suite.get("/api/training/courses").token(shortLived).send().expect(200);
        long expiresAt = claims(shortLived).path("exp").asLong() * 1000;
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1_500);
        assertProblem(suite.get("/api/training/courses").token(shortLived).send(), 401);
    }

    @Test
    @Order(5)
    void everyServicePortAndTheDoorRefuseRealmTokensNotIssuedForThisApi() {
        JsonNode cli = tokens.grant(Map.of("grant_type", "password", "client_id", "prevent-hub-cli",
                "username", "lead-wcc", "password", "demo", "scope", "openid"));
        JsonNode adminCli = tokens.grant(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "lead-wcc", "password", "demo"));
        Map<String, String> foreign = Map.of(
                "a token of another client (admin-cli, no audience)", adminCli.path("access_token").asText(),
                "an ID token", cli.path("id_token").asText(),
                "a refresh token", cli.path("refresh_token").asText());
        assertThat(foreign.values()).allSatisfy(token -> assertThat(token).isNotBlank());
        Map<String, String> reads = Map.of("training-service", "/courses", "referral-service", "/panels",
                "engagement-service", "/organisations", "reporting-service", "/actions", "gateway", "/api/training/courses");
        for (ServiceDefinition service : stack.running()) {
            SuiteClient direct = new SuiteClient("http://localhost:" + service.port());
            String path = reads.get(service.name());
            direct.get(path).token(cli.path("access_token").asText()).send().expect(200);
            foreign.forEach((what, token) -> assertThat(direct.get(path).token(token).send().status())
                    .as(what + " at " + service.name()).isEqualTo(401));
        }
    }

    @Test
    @Order(5)
    void operationalEndpointsAnswerOnTheManagementPortsOnly() {
        for (ServiceDefinition service : stack.running()) {
            SuiteClient main = new SuiteClient("http://localhost:" + service.port());
            for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi")) {
                assertProblem(main.get(path).send(), 404);
            }
            new SuiteClient("http://localhost:" + service.managementPort()).get("/q/health/ready").send().expect(200);
            new SuiteClient("http://localhost:" + service.managementPort()).get("/q/metrics").header("Accept", "text/plain")
                    .send().expect(200);
        }
        assertProblem(suite.get("/API/referrals/referrals").send(), 404);
    }

    @Test
    @Order(6)
    void refusesTheWrongRoleAtTheDoorOrAtTheService() {
        String analyst = tokens.forUser("analyst-wcc");
        assertProblem(suite.get("/api/referrals/referrals").token(analyst).send(), 403);
        assertProblem(suite.post("/api/training/courses").token(analyst).json(Map.of("code", "X")).send(), 403);
        assertProblem(suite.post("/api/reporting/projections/rebuild").token(analyst).json(Map.of()).send(), 403);
    }

    @Test
    @Order(7)
    void anOverLimitBurstFromOneCallerIsTurnedAwayWith429() throws Exception {
        String analyst = tokens.forUser("analyst-police");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<SuiteClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                answers.add(pool.submit(() -> suite.get("/api/training/courses").token(analyst).send()));
            }
            List<SuiteClient.Answer> limited = new ArrayList<>();
            for (Future<SuiteClient.Answer> answer : answers) {
                if (answer.get().status() == 429) {
                    limited.add(answer.get());
                } else {
                    assertThat(answer.get().status()).isEqualTo(200);
                }
            }
            assertThat(limited).isNotEmpty();
            assertProblem(limited.get(0), 429);
            assertThat(Integer.parseInt(limited.get(0).header("Retry-After"))).isPositive();
        } finally {
            pool.shutdownNow();
        }
        // Another caller is unaffected.
        suite.get("/api/training/courses").token(tokens.forUser("analyst-wcc")).send().expect(200);
    }

    @Test
    @Order(8)
    void aStoppedServiceAnswers503AndTheOthersStillAnswerUntilItReturns() {
        String lead = tokens.forUser("lead-wcc");
        stack.stop("engagement-service");
        try {
            long started = System.nanoTime();
            SuiteClient.Answer down = suite.get("/api/engagement/events").token(lead).send();
            assertProblem(down, 503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            suite.get("/api/training/courses").token(lead).send().expect(200);
            suite.get("/api/reporting/indicators").token(lead).send().expect(200);
        } finally {
            stack.restart("engagement-service");
        }
        eventually(Duration.ofSeconds(30), () -> suite.get("/api/engagement/events").token(lead).send().expect(200));
    }

    // --- One API for partners ---

    @Test
    @Order(9)
    void theMergedOpenApiDocumentValidatesAndEveryOperationInItReachesItsService() throws Exception {
        SuiteClient.Answer answer = suite.get("/api/openapi.json").send().expect(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.text());
        assertThat(parsed.getMessages()).isEmpty();
        JsonNode doc = answer.json();
        assertThat(doc.has("x-unavailable-services")).isFalse();

        // Callers whose roles let them reach every service but change nothing with an empty body.
        Map<String, String> callers = Map.of("/api/training", tokens.forUser("analyst-police"),
                "/api/engagement", tokens.forUser("analyst-police"), "/api/reporting", tokens.forUser("analyst-police"),
                "/api/referrals", tokens.forUser("panel-police"));
        int operations = 0;
        List<String> unreachable = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            String prefix = callers.keySet().stream().filter(path.getKey()::startsWith).findFirst().orElseThrow();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                String concrete = concretePath(path.getKey(), path.getValue().path(method.toLowerCase()));
                operations++;
                SuiteClient.Call call = suite.call(method, concrete).token(callers.get(prefix)).header(PURPOSE, "API check");
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    call.json("{}");
                }
                SuiteClient.Answer reply = call.send();
                if (reply.status() == 429) {
                    Thread.sleep(1_000 * Long.parseLong(reply.header("Retry-After")));
                    reply = call.send();
                }
                boolean noSuchRoute = reply.status() == 404 && reply.text().contains("There is nothing at this address");
                if (noSuchRoute || reply.status() == 405 || reply.status() >= 500) {
                    unreachable.add(method + " " + concrete + " -> " + reply.status() + " " + reply.text());
                }
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(unreachable).isEmpty();
    }

    /** The path with each parameter filled by a value of its declared type: a number where it is a number, else an id. */
    private static String concretePath(String template, JsonNode operation) {
        String concrete = template;
        for (JsonNode parameter : operation.path("parameters")) {
            String type = parameter.path("schema").path("type").asText();
            if (parameter.path("in").asText().equals("path") && (type.equals("integer") || type.equals("number"))) {
                concrete = concrete.replace("{" + parameter.path("name").asText() + "}", "1");
            }
        }
        return concrete.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    @Test
    @Order(10)
    void reportsEachServicesHealth() {
        JsonNode health = suite.get("/api/health").send().expect(200).json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("services").findValuesAsText("name"))
                .containsExactly("training", "referrals", "engagement", "reporting");
    }

    // --- helpers ---

    private static String gatewayUrl() {
        return gateway;
    }

    private static void step(String lead, String referral, String action, String reason) {
        suite.post("/api/referrals/referrals/" + referral + "/steps/" + action).token(lead)
                .header(PURPOSE, "Channel casework").json(Map.of("reason", reason)).send().expect(200);
    }

    private static void assertProblem(SuiteClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** The current reporting year (September to August) in which today falls. */
    private static int reportingYear() {
        LocalDate today = LocalDate.now();
        return today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    }

    /** Waits, up to the freshness the suite promises, until reporting shows {@code expected} for the indicator. */
    private static void awaitIndicatorTotal(String indicator, String token, double expected) {
        eventually(FRESHNESS, () -> {
            assertThat(indicatorTotal(indicator, token)).isEqualTo(expected);
            return null;
        });
    }

    private static double indicatorTotal(String indicator, String token) {
        JsonNode values = suite.get("/api/reporting/indicators/" + indicator + "/values?year=" + reportingYear()
                + "&calendar=reporting").token(token).send().expect(200).json();
        return values.path("figure").path("value").asDouble();
    }

    /** A cell of the annual report: a priority's indicator, broken down, at one key (e.g. course WRAP). */
    private static int cell(JsonNode report, String priority, String indicator, String key) {
        for (JsonNode section : report.path("sections")) {
            if (!section.path("priority").asText().equals(priority)) {
                continue;
            }
            // A key "a,b" is a cell of the indicator's cross-tabulation.
            for (JsonNode figure : section.path(key.contains(",") ? "crossTabulations" : "indicators")) {
                if (figure.path("indicator").path("id").asText().equals(indicator)) {
                    for (JsonNode cell : figure.path("breakdown").path("cells")) {
                        if (cell.path("key").asText().equals(key)) {
                            return cell.path("figure").path("value").asInt();
                        }
                    }
                    throw new AssertionError(indicator + " has no cell " + key + ": " + figure);
                }
            }
        }
        throw new AssertionError("No indicator " + indicator + " under " + priority);
    }

    private static String courseId(JsonNode courses, String code) {
        for (JsonNode course : courses.isArray() ? courses : courses.path("items")) {
            if (course.path("code").asText().equals(code)) {
                return course.path("id").asText();
            }
        }
        throw new AssertionError("No course " + code);
    }

    private static String subject(String token) {
        return claims(token).path("sub").asText();
    }

    private static JsonNode claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return ApiClient.JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A token from a client that Keycloak's admin API creates with a four-second access-token lifespan (and the
     * API's audience), so the test can watch a real token expire.
     */
    private static String shortLivedToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String keycloak = "http://localhost:" + config.keycloakPort();
        String adminToken = ApiClient.JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        String clientId = "e2e-short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> client = Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                "secret", "e2e-secret", "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "4"),
                "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", "prevent-hub", "access.token.claim", "true"))));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/prevent-hub/clients"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(client))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=e2e-secret";
        return ApiClient.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(config.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("access_token").asText();
    }

    /** Retries an assertion until it holds or the time is up; reporting is eventually consistent by design. */
    private static <T> T eventually(Duration within, Supplier<T> check) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                return check.get();
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
