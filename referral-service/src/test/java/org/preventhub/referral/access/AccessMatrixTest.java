package org.preventhub.referral.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.referral.support.ReferralApi.adopted;
import static org.preventhub.referral.support.ReferralApi.asLead;
import static org.preventhub.referral.support.ReferralApi.panel;
import static org.preventhub.referral.support.ReferralApi.refer;
import static org.preventhub.referral.support.ReferralApi.step;
import static org.preventhub.referral.support.ReferralBuilder.aReferral;
import static org.preventhub.referral.support.Webhooks.subscription;
import static org.preventhub.referral.support.Webhooks.subscriptionRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.referral.support.Webhooks;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.ManagementInterface;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × every kind of caller (each role; a referrer of the referral's agency and of another; a panel
 * member who sits on its panel and one who does not; no token) × an open and a closed case. The expected answer of
 * each cell is not written out by hand but derived from the rules of issue 4, below, so a new endpoint only has to
 * say which roles it is for and whose records it shows; the test also fails if the API has an endpoint the matrix
 * does not list.
 *
 * <ul>
 * <li>No token: 401. A role the endpoint is not for: 403 (analyst, trainer, engagement officer, feed, booking and
 * admin have no endpoint here).
 * <li>The Prevent lead, of any agency: everything.
 * <li>A referrer: their own agency's referrals, status only; another agency's referral answers 404.
 * <li>A panel member: the referrals on the agendas of panels they sit on, in full, only while the case is open;
 * otherwise 404, as if it did not exist.
 * </ul>
 */
@QuarkusTest
class AccessMatrixTest {

    private enum Target {
        NONE, OPEN, CLOSED
    }

    /** Whose records an endpoint shows, beyond the role check. */
    private enum Scope {
        /** The role decides. */
        ROLE,
        /** A referral as its referring agency sees it (status), or in full. */
        REFERRAL_STATUS,
        /** A referral in full: the Prevent lead, and its panel's members while the case is open. */
        REFERRAL_FULL,
        /** A panel: the Prevent lead, and its members. */
        PANEL,
        /** A webhook subscription: its owner alone (its client and agency), whatever the role. */
        SUBSCRIPTION
    }

    private record Caller(String name, String role, String agency, String username, boolean sitsOnPanel) {

        boolean anonymous() {
            return role == null;
        }

        RequestSpecification spec() {
            RequestSpecification spec = anonymous() ? given()
                    : given().auth().oauth2(TestTokens.as(role).agency(agency).username(username)
                            .email(username + "@matrix.example.org").token());
            return spec.contentType(ContentType.JSON).header("X-Access-Purpose", "access matrix test");
        }
    }

    /** What one call is made on: the referral and panel of the cell. */
    private record Cell(Target target, UUID referral, UUID panel) {
    }

    private record Endpoint(String method, String path, Set<String> roles, Scope scope, Function<Target, Integer> success,
            BiFunction<RequestSpecification, Cell, Integer> call) {

        String key() {
            return method + " " + path;
        }

        /** Called on an open and on a closed case: a referral's endpoints, and a panel's agenda. */
        boolean perReferral() {
            return path.startsWith("/referrals/{id}") || path.startsWith("/panels/{id}/agenda");
        }
    }

    private static final Set<String> LEAD = Set.of(Roles.PREVENT_LEAD);
    private static final Set<String> LEAD_AND_PANEL = Set.of(Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL);
    private static final Set<String> LEAD_AND_REFERRER = Set.of(Roles.PREVENT_LEAD, Roles.REFERRER);
    private static final Set<String> LEAD_PANEL_AND_REFERRER = Set.of(Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL, Roles.REFERRER);

    private static Function<Target, Integer> always(int status) {
        return target -> status;
    }

    /** The answer the rules give a caller for a cell. */
    private static int expected(Endpoint endpoint, Caller caller, Target target, String ownAgency) {
        if (caller.anonymous()) {
            return 401;
        }
        if (!endpoint.roles().contains(caller.role())) {
            return 403;
        }
        boolean lead = caller.role().equals(Roles.PREVENT_LEAD);
        boolean member = caller.role().equals(Roles.CHANNEL_PANEL) && caller.sitsOnPanel();
        boolean ownReferrer = caller.role().equals(Roles.REFERRER) && caller.agency().equals(ownAgency);
        boolean visible = switch (endpoint.scope()) {
            case ROLE -> true;
            case REFERRAL_STATUS -> lead || (member && target == Target.OPEN) || ownReferrer;
            case REFERRAL_FULL -> lead || (member && target == Target.OPEN);
            case PANEL -> lead || member;
            case SUBSCRIPTION -> ownAgency.equals(caller.agency());
        };
        return visible ? endpoint.success().apply(target) : 404;
    }

    @Test
    void everyEndpointGivesEveryCallerExactlyTheAnswerTheRulesGive() {
        String agency = "matrix-school-" + UUID.randomUUID().toString().substring(0, 6);
        String memberName = "matrix-member-" + UUID.randomUUID().toString().substring(0, 6);
        UUID panel = panel(memberName);
        UUID open = inSupport(agency, panel);
        UUID closed = inSupport(agency, panel);
        step(closed, "exit", Map.of("reason", "Concerns addressed", "exitOutcome", "NO_FURTHER_CONCERNS")).statusCode(200);

        List<Caller> callers = List.of(
                new Caller("prevent-lead", Roles.PREVENT_LEAD, "warwickshire-county-council", "lead", false),
                new Caller("prevent-lead of another agency", Roles.PREVENT_LEAD, "warwickshire-police", "lead-police", false),
                new Caller("panel member", Roles.CHANNEL_PANEL, "warwickshire-police", memberName, true),
                new Caller("other panellist", Roles.CHANNEL_PANEL, "warwickshire-police", "not-a-member", false),
                new Caller("own referrer", Roles.REFERRER, agency, "own-referrer", false),
                new Caller("other referrer", Roles.REFERRER, "another-agency", "other-referrer", false),
                new Caller("analyst", Roles.ANALYST, "warwickshire-county-council", "analyst", false),
                new Caller("trainer", Roles.TRAINER, "warwickshire-county-council", "trainer", false),
                new Caller("engagement officer", Roles.ENGAGEMENT_OFFICER, "warwickshire-county-council", "engagement", false),
                new Caller("feed", Roles.FEED, "warwick-district-council", "feed", false),
                new Caller("booking", Roles.BOOKING, "warwickshire-county-council", "booking", false),
                new Caller("admin", Roles.ADMIN, "warwickshire-county-council", "admin", false),
                new Caller("no token", null, null, null, false));

        String future = LocalDate.now().plusYears(1).toString(); // within the record's window: at most ten years ahead
        Map<String, Object> plan = Map.of("providers", List.of("Mentor"),
                "actions", List.of(Map.of("description", "Meet", "owner", "Mentor", "due", LocalDate.now().plusMonths(1).toString())));
        Map<String, Object> chair = Map.of("userId", "user-lead", "name", "Chair", "agency", "warwickshire-county-council");

        Map<String, UUID> hooks = new java.util.HashMap<>();
        Map<UUID, UUID> deliveries = new java.util.HashMap<>();
        Function<String, UUID> hook = name -> hooks.computeIfAbsent(name, n -> subscription(agency, "own-referrer"));

        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/referrals", LEAD_AND_REFERRER, Scope.ROLE, always(201),
                        (s, c) -> s.body(aReferral().build()).post("/referrals").statusCode()),
                new Endpoint("GET", "/referrals", LEAD_PANEL_AND_REFERRER, Scope.ROLE, always(200),
                        (s, c) -> s.get("/referrals").statusCode()),
                new Endpoint("POST", "/referrals/search", LEAD, Scope.ROLE, always(200),
                        (s, c) -> s.body(Map.of("name", "Nobody At All")).post("/referrals/search").statusCode()),
                new Endpoint("GET", "/referrals/stalled", LEAD, Scope.ROLE, always(200),
                        (s, c) -> s.get("/referrals/stalled").statusCode()),
                new Endpoint("GET", "/referrals/reviews/overdue", LEAD, Scope.ROLE, always(200),
                        (s, c) -> s.get("/referrals/reviews/overdue").statusCode()),
                new Endpoint("GET", "/referrals/{id}", LEAD_PANEL_AND_REFERRER, Scope.REFERRAL_STATUS, always(200),
                        (s, c) -> s.get("/referrals/" + c.referral()).statusCode()),
                new Endpoint("GET", "/referrals/{id}/history", LEAD_AND_PANEL, Scope.REFERRAL_FULL, always(200),
                        (s, c) -> s.get("/referrals/" + c.referral() + "/history").statusCode()),
                new Endpoint("GET", "/referrals/{id}/support-plan", LEAD_AND_PANEL, Scope.REFERRAL_FULL, always(200),
                        (s, c) -> s.get("/referrals/" + c.referral() + "/support-plan").statusCode()),
                new Endpoint("PUT", "/referrals/{id}/support-plan", LEAD, Scope.ROLE,
                        target -> target == Target.OPEN ? 200 : 409,
                        (s, c) -> s.body(Map.of("plan", plan, "reason", "Matrix revision"))
                                .put("/referrals/" + c.referral() + "/support-plan").statusCode()),
                new Endpoint("GET", "/referrals/{id}/access-log", LEAD, Scope.ROLE, always(200),
                        (s, c) -> s.get("/referrals/" + c.referral() + "/access-log").statusCode()),
                // A step neither case may take now: the lead gets past every check to the journey's 409.
                new Endpoint("POST", "/referrals/{id}/steps/{action}", LEAD, Scope.ROLE, always(409),
                        (s, c) -> s.body(Map.of("reason", "x")).post("/referrals/" + c.referral() + "/steps/start-screening")
                                .statusCode()),
                new Endpoint("POST", "/referrals/{id}/legal-hold", LEAD, Scope.ROLE, always(200),
                        (s, c) -> s.body(Map.of("hold", false)).post("/referrals/" + c.referral() + "/legal-hold").statusCode()),
                new Endpoint("POST", "/panels", LEAD, Scope.ROLE, always(201),
                        (s, c) -> s.body(Map.of("meetsOn", future, "chair", chair)).post("/panels").statusCode()),
                new Endpoint("POST", "/panels/schedule", LEAD, Scope.ROLE, always(201),
                        (s, c) -> s.body(Map.of("from", future.substring(0, 7), "months", 1, "weekday", "TUESDAY", "week", 2,
                                "chair", chair)).post("/panels/schedule").statusCode()),
                new Endpoint("GET", "/panels", LEAD_AND_PANEL, Scope.ROLE, always(200),
                        (s, c) -> s.get("/panels").statusCode()),
                new Endpoint("GET", "/panels/me", LEAD_AND_PANEL, Scope.ROLE, always(200),
                        (s, c) -> s.get("/panels/me").statusCode()),
                // Each caller's own feed: made (and made again), read, revoked; a revoked one answers 404 on read.
                new Endpoint("POST", "/panels/me/calendar-url", LEAD_AND_PANEL, Scope.ROLE, always(201),
                        (s, c) -> s.post("/panels/me/calendar-url").statusCode()),
                new Endpoint("GET", "/panels/me/calendar-url", LEAD_AND_PANEL, Scope.ROLE, always(200),
                        (s, c) -> s.get("/panels/me/calendar-url").statusCode()),
                new Endpoint("DELETE", "/panels/me/calendar-url", LEAD_AND_PANEL, Scope.ROLE, always(204),
                        (s, c) -> s.delete("/panels/me/calendar-url").statusCode()),
                new Endpoint("GET", "/panels/{id}", LEAD_AND_PANEL, Scope.PANEL, always(200),
                        (s, c) -> s.get("/panels/" + c.panel()).statusCode()),
                // Neither case is listed for panel any more: the lead gets the agenda's 409.
                new Endpoint("POST", "/panels/{id}/agenda", LEAD, Scope.ROLE, always(409),
                        (s, c) -> s.body(Map.of("referralId", c.referral())).post("/panels/" + c.panel() + "/agenda").statusCode()),
                // Open: a referral freshly listed on the panel's agenda, decided for real. Closed: decided long ago.
                new Endpoint("POST", "/panels/{id}/agenda/{referralId}/decision", LEAD_AND_PANEL, Scope.REFERRAL_FULL,
                        target -> target == Target.OPEN ? 200 : 409,
                        (s, c) -> s.body(Map.of("decision", "ADOPTED", "minutes", "Matrix decision"))
                                .post("/panels/" + c.panel() + "/agenda/" + c.referral() + "/decision").statusCode()),
                new Endpoint("POST", "/retention/runs", LEAD, Scope.ROLE, always(200),
                        (s, c) -> s.queryParam("dryRun", true).post("/retention/runs").statusCode()),
                new Endpoint("POST", "/subject-access", LEAD, Scope.ROLE, always(200),
                        (s, c) -> s.body(Map.of("name", "Nobody At All")).post("/subject-access").statusCode()),
                // Webhooks: a subscription is its owner's (client and agency); one per endpoint, which only its owner
                // reaches (so deleting it leaves the others' answers as they were).
                // Each caller's own choice: set (OFF, so the shared test users get no mail), then read back.
                new Endpoint("PUT", "/me/reminder-preferences", LEAD_AND_PANEL, Scope.ROLE, always(200),
                        (s, c) -> s.body(Map.of("delivery", "OFF")).put("/me/reminder-preferences").statusCode()),
                new Endpoint("GET", "/me/reminder-preferences", LEAD_AND_PANEL, Scope.ROLE, always(200),
                        (s, c) -> s.get("/me/reminder-preferences").statusCode()),
                new Endpoint("GET", "/webhooks/event-types", LEAD_AND_REFERRER, Scope.ROLE, always(200),
                        (s, c) -> s.get("/webhooks/event-types").statusCode()),
                new Endpoint("POST", "/webhooks/subscriptions", LEAD_AND_REFERRER, Scope.ROLE, always(201),
                        (s, c) -> s.body(subscriptionRequest("matrix")).post("/webhooks/subscriptions").statusCode()),
                new Endpoint("GET", "/webhooks/subscriptions", LEAD_AND_REFERRER, Scope.ROLE, always(200),
                        (s, c) -> s.get("/webhooks/subscriptions").statusCode()),
                new Endpoint("GET", "/webhooks/subscriptions/{id}", LEAD_AND_REFERRER, Scope.SUBSCRIPTION, always(200),
                        (s, c) -> s.get("/webhooks/subscriptions/" + hook.apply("get")).statusCode()),
                new Endpoint("DELETE", "/webhooks/subscriptions/{id}", LEAD_AND_REFERRER, Scope.SUBSCRIPTION, always(204),
                        (s, c) -> s.delete("/webhooks/subscriptions/" + hook.apply("delete")).statusCode()),
                new Endpoint("POST", "/webhooks/subscriptions/{id}/pause", LEAD_AND_REFERRER, Scope.SUBSCRIPTION, always(200),
                        (s, c) -> s.post("/webhooks/subscriptions/" + hook.apply("pause") + "/pause")
                                .statusCode()),
                new Endpoint("POST", "/webhooks/subscriptions/{id}/resume", LEAD_AND_REFERRER, Scope.SUBSCRIPTION, always(200),
                        (s, c) -> s.post("/webhooks/subscriptions/" + hook.apply("resume") + "/resume")
                                .statusCode()),
                new Endpoint("GET", "/webhooks/subscriptions/{id}/deliveries", LEAD_AND_REFERRER, Scope.SUBSCRIPTION,
                        always(200), (s, c) -> s.get("/webhooks/subscriptions/" + hook.apply("deliveries")
                                + "/deliveries").statusCode()),
                new Endpoint("POST", "/webhooks/subscriptions/{id}/deliveries/{deliveryId}/replay", LEAD_AND_REFERRER,
                        Scope.SUBSCRIPTION, always(202), (s, c) -> {
                            UUID subscription = hook.apply("replay");
                            UUID delivery = deliveries.computeIfAbsent(subscription, Webhooks::failedDelivery);
                            return s.post("/webhooks/subscriptions/" + subscription + "/deliveries/" + delivery
                                    + "/replay").statusCode();
                        }));

        assertThat(endpoints).extracting(Endpoint::key).containsExactlyInAnyOrderElementsOf(apiEndpoints());

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            List<Target> targets = endpoint.perReferral() ? List.of(Target.OPEN, Target.CLOSED) : List.of(Target.NONE);
            for (Target target : targets) {
                for (Caller caller : callers) {
                    UUID referral = switch (target) {
                        case NONE -> null;
                        case OPEN -> endpoint.path().endsWith("/decision") ? listedOn(panel, agency) : open;
                        case CLOSED -> closed;
                    };
                    int answer = endpoint.call().apply(caller.spec(), new Cell(target, referral, panel));
                    int expected = expected(endpoint, caller, target, agency);
                    cells++;
                    if (answer != expected) {
                        wrong.add(endpoint.key() + (target == Target.NONE ? "" : " (" + target + " case)") + " as "
                                + caller.name() + ": expected " + expected + ", got " + answer);
                    }
                }
            }
        }
        assertThat(wrong).as("of %d cells", cells).isEmpty();
        assertThat(cells).isGreaterThan(350);
    }

    @Test
    void aReferrerSeesOnlyItsOwnAgencysReferralsInTheListAndOnlyTheirStatus() {
        String agency = "list-school-" + UUID.randomUUID().toString().substring(0, 6);
        UUID own = refer(agency, aReferral().build());
        refer("someone-else-" + UUID.randomUUID().toString().substring(0, 6), aReferral().build());
        var page = given().auth().oauth2(TestTokens.as(Roles.REFERRER).agency(agency).token())
                .get("/referrals").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(own.toString());
        assertThat(page.getMap("items[0]")).containsOnlyKeys("id", "reference", "status", "outcome", "receivedOn", "closedOn", "view");
    }

    /** Every operation of the service's OpenAPI document, as "METHOD /path/{param}". */
    private static Set<String> apiEndpoints() {
        JsonPath openApi = ManagementInterface.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    /** A Channel case in support, adopted by the panel, made by a referrer of the agency. */
    private static UUID inSupport(String agency, UUID panel) {
        UUID referral = adopted(refer(agency, aReferral().adult().build()), panel);
        step(referral, "consent", Map.of("consentGiven", true, "consentGivenBy", "PERSON")).statusCode(200);
        step(referral, "support-plan", Map.of("plan", Map.of("providers", List.of("Intervention provider")))).statusCode(200);
        return referral;
    }

    /** A referral listed for panel and on the panel's agenda, undecided. */
    private static UUID listedOn(UUID panel, String agency) {
        UUID referral = refer(agency, aReferral().build());
        step(referral, "start-screening").statusCode(200);
        step(referral, "list-for-panel").statusCode(200);
        asLead().body(Map.of("referralId", referral)).post("/panels/" + panel + "/agenda").then().statusCode(200);
        return referral;
    }
}
