package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.preventhub.client.ApiException;
import org.preventhub.client.api.ReferralsReferralsApi;
import org.preventhub.client.api.ReportingAnnualReportApi;
import org.preventhub.client.api.ReportingIndicatorsApi;
import org.preventhub.client.api.TrainingBookingsApi;
import org.preventhub.client.api.TrainingCoursesApi;
import org.preventhub.client.api.TrainingFeedsApi;
import org.preventhub.client.api.TrainingSessionsApi;
import org.preventhub.client.model.Access;
import org.preventhub.client.model.AnnualReport;
import org.preventhub.client.model.BookingRequest;
import org.preventhub.client.model.BookingResponse;
import org.preventhub.client.model.BookingStatus;
import org.preventhub.client.model.CancellationRequest;
import org.preventhub.client.model.Cell;
import org.preventhub.client.model.DeliveryMode;
import org.preventhub.client.model.FeedJob;
import org.preventhub.client.model.FeedStatus;
import org.preventhub.client.model.Figure;
import org.preventhub.client.model.Gender;
import org.preventhub.client.model.IndicatorValues;
import org.preventhub.client.model.Person1;
import org.preventhub.client.model.ReferralJourneyView;
import org.preventhub.client.model.ReferralRequest;
import org.preventhub.client.model.ReferralStatus;
import org.preventhub.client.model.ReferralStatusView;
import org.preventhub.client.model.Referrer1;
import org.preventhub.client.model.Section;
import org.preventhub.client.model.SessionRequest;
import org.preventhub.client.model.SessionResponse;
import org.preventhub.client.model.SessionStatus;
import org.preventhub.client.model.StepRequest;
import org.preventhub.client.model.Urgency;

/**
 * Partner agencies' journeys with the Java client they generate from the released API description (the clients
 * module's, openapi-generator's native library), through the gateway of the running suite, with the realm's machine
 * clients' own tokens (client credentials) and typed answers only: a field renamed or retyped in an answer, or an
 * answer the client cannot read, fails here as it would fail the partner.
 */
@ExtendWith(RunningSuite.Shared.class)
@Order(2)
class PartnerJourneysIT {

    private static final String PURPOSE = "X-Access-Purpose";
    private static final EnumSet<FeedStatus> FINAL = EnumSet.of(FeedStatus.APPLIED, FeedStatus.VALIDATED,
            FeedStatus.REJECTED, FeedStatus.DUPLICATE, FeedStatus.FAILED);

    private static String gateway;
    private static Tokens tokens;

    @BeforeAll
    static void connect(RunningSuite suite) {
        gateway = suite.gateway();
        tokens = suite.tokens();
    }

    @Test
    void aBookingWebsiteFindsAnOpenSessionBooksASeatAndTheAttendeeCancelsIt() throws ApiException {
        // A trainer schedules an open session (the demo year's are past).
        org.preventhub.client.ApiClient trainer = as(() -> tokens.forUser("trainer-wcc"));
        UUID wrap = new TrainingCoursesApi(trainer).apiTrainingCoursesGet(true).stream()
                .filter(course -> "WRAP".equals(course.getCode())).findFirst().orElseThrow().getId();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(21).withHour(9).withMinute(30).withSecond(0).withNano(0);
        SessionResponse scheduled = new TrainingSessionsApi(trainer).apiTrainingSessionsPost(new SessionRequest()
                .courseId(wrap).startsAt(start).endsAt(start.plusHours(3)).mode(DeliveryMode.IN_PERSON)
                .venue("Rugby Library").area("rugby").capacity(12).access(Access.OPEN).audienceSector("EDUCATION"),
                UUID.randomUUID().toString());

        org.preventhub.client.ApiClient website = as(() -> tokens.forClient("booking-website", "booking-website-secret"));
        TrainingSessionsApi sessions = new TrainingSessionsApi(website);
        TrainingBookingsApi bookings = new TrainingBookingsApi(website);
        // The website lists the open WRAP sessions with a seat left on that day, as its calendar page does.
        List<SessionResponse> open = sessions.apiTrainingSessionsGet(Access.OPEN, null, null, "WRAP", start.toLocalDate(), 1,
                null, 0, 100, null, SessionStatus.SCHEDULED, start.toLocalDate().plusDays(1)).getItems();
        SessionResponse listed = open.stream().filter(s -> s.getId().equals(scheduled.getId())).findFirst().orElseThrow();
        assertThat(listed.getSeatsLeft()).isEqualTo(12);
        assertThat(listed.getCourse().getCode()).isEqualTo("WRAP");

        String key = UUID.randomUUID().toString();
        BookingRequest request = new BookingRequest().name("Jordan Partner").email("jordan.partner@example.org")
                .organisation("Rugby High School").sector("EDUCATION").jobRole("Designated Safeguarding Lead");
        BookingResponse booked = bookings.apiTrainingSessionsSessionIdBookingsPost(listed.getId(), request, key);
        assertThat(booked.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booked.getReference()).isNotBlank();
        assertThat(booked.getCancellationSecret()).isNotBlank();
        // The website's retry after a lost answer books nobody twice.
        assertThat(bookings.apiTrainingSessionsSessionIdBookingsPost(listed.getId(), request, key).getId())
                .isEqualTo(booked.getId());
        assertThat(sessions.apiTrainingSessionsIdGet(listed.getId()).getSeatsLeft()).isEqualTo(11);

        // The attendee's confirmation link: the booking by its reference and secret, then the cancellation.
        BookingResponse seen = bookings.apiTrainingBookingsByReferenceReferenceGet(booked.getReference(),
                booked.getCancellationSecret());
        assertThat(seen.getSession().getId()).isEqualTo(listed.getId());
        assertThat(seen.getAttendee().getName()).isEqualTo("Jordan Partner");
        BookingResponse cancelled = bookings.apiTrainingBookingsReferenceCancellationPost(booked.getReference(),
                new CancellationRequest().secret(booked.getCancellationSecret()), UUID.randomUUID().toString());
        assertThat(cancelled.getStatus()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.getCancelledAt()).isNotNull();
        assertThat(sessions.apiTrainingSessionsIdGet(listed.getId()).getSeatsLeft()).isEqualTo(12);
    }

    @Test
    void aPoliceCaseSystemSubmitsAReferralAndFollowsItsStatusToItsOutcome() throws ApiException {
        org.preventhub.client.ApiClient lead = as(() -> tokens.forUser("lead-wcc"));
        ReportingIndicatorsApi leadsFigures = new ReportingIndicatorsApi(lead);
        BigDecimal before = receivedThisYear(leadsFigures);

        ReferralsReferralsApi caseSystem = new ReferralsReferralsApi(
                as(() -> tokens.forClient("police-case-system", "police-case-system-secret")));
        ReferralStatusView submitted = caseSystem.apiReferralsReferralsPost(new ReferralRequest()
                .referrer(new Referrer1().sector("POLICE").contactName("DC Example").contactEmail("dc.example@police.example.org"))
                .person(new Person1().name("Casey Fictional").dateOfBirth(LocalDate.now().minusYears(15)).gender(Gender.FEMALE)
                        .address("2 Example Street, Nuneaton").area("nuneaton-and-bedworth").schoolOrEmployer("Example Academy"))
                .concernTypes(List.of("MIXED_UNCLEAR_UNSTABLE"))
                .prompt("Searches for extremist material reported by the school's safeguarding lead.")
                .urgency(Urgency.ROUTINE), UUID.randomUUID().toString());
        assertThat(submitted.getStatus()).isEqualTo(ReferralStatus.RECEIVED);
        assertThat(submitted.getReference()).isNotBlank();
        assertThat(submitted.getReceivedOn()).isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));

        // The case system follows it: the status for the referring agency, never the casework.
        ReferralStatusView followed = statusSeenBy(caseSystem, submitted.getId());
        assertThat(followed.getStatus()).isEqualTo(ReferralStatus.RECEIVED);
        assertThat(followed.getReference()).isEqualTo(submitted.getReference());
        // The same operation answers the Prevent lead in full: the client tells the two views apart.
        ReferralsReferralsApi leadsReferrals = new ReferralsReferralsApi(lead);
        assertThat(leadsReferrals.apiReferralsReferralsIdGet(submitted.getId(), "Channel casework").getReferralView()
                .getPerson().getName()).isEqualTo("Casey Fictional");

        // The Prevent lead screens it and signposts the person to other services.
        Map<String, String> purpose = Map.of(PURPOSE, "Channel casework");
        ReferralJourneyView screening = leadsReferrals.apiReferralsReferralsIdStepsActionPost("start-screening",
                submitted.getId(), new StepRequest().reason("Deconfliction and information gathering."),
                UUID.randomUUID().toString(), null, purpose);
        assertThat(screening.getReferrerSector()).isEqualTo("POLICE");
        assertThat(statusSeenBy(caseSystem, submitted.getId()).getStatus()).isEqualTo(ReferralStatus.IN_SCREENING);
        leadsReferrals.apiReferralsReferralsIdStepsActionPost("signpost", submitted.getId(),
                new StepRequest().reason("Support from the school's pastoral team and early help."),
                UUID.randomUUID().toString(), null, purpose);

        ReferralStatusView outcome = statusSeenBy(caseSystem, submitted.getId());
        assertThat(outcome.getStatus()).isEqualTo(ReferralStatus.SIGNPOSTED);
        assertThat(outcome.getOutcome()).isEqualTo("SIGNPOSTED");
        assertThat(outcome.getClosedOn()).isNotNull();
        // Its list, too, is the status only, line by line.
        assertThat(caseSystem.apiReferralsReferralsGet(null, null, null, 0, 100, null, null, null, "Following our referrals")
                .getItems()).extracting(line -> line.getReferralStatusView().getId()).contains(submitted.getId());
        // And reporting counted it, from referral-service's pseudonymous event.
        eventuallyHolds(Duration.ofSeconds(10), () -> assertThat(receivedThisYear(leadsFigures))
                .isEqualByComparingTo(before.add(BigDecimal.ONE)));
    }

    @Test
    void aCouncilFeedUploadsCompletionsPollsTheImportToItsEndAndTheDashboardCountsThem() throws ApiException {
        org.preventhub.client.ApiClient council = as(() -> tokens.forClient("warwick-district-feed", "warwick-district-feed-secret"));
        ReportingIndicatorsApi dashboard = new ReportingIndicatorsApi(
                as(() -> tokens.forClient("strategy-dashboard", "strategy-dashboard-secret")));
        // The council's e-learning completions of the 2020/21 reporting year, which no other test touches.
        BigDecimal before = peopleTrainedIn2020(dashboard);
        String batch = "wdc-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "recordId,person,email,sector,courseCode,date,mode,area,completed\n"
                + batch + "-1,Morgan Council,morgan@warwickdc.example.org,LOCAL_AUTHORITY,PREVENT-UPDATE,2021-03-02,e-learning,warwick,yes\n"
                + batch + "-2,Riley Council,riley@warwickdc.example.org,LOCAL_AUTHORITY,PREVENT-UPDATE,2021-03-09,e-learning,warwick,yes\n"
                + batch + "-3,Avery Council,avery@warwickdc.example.org,EDUCATION,PREVENT-UPDATE,2021-03-16,online,warwick,yes\n";

        TrainingFeedsApi feeds = new TrainingFeedsApi(council);
        FeedJob accepted = feeds.apiTrainingFeedsFeedImportsPost("completions", csv, false, UUID.randomUUID().toString(),
                null, batch);
        assertThat(accepted.getId()).isNotNull();
        FeedJob done = eventually(Duration.ofSeconds(60), () -> {
            FeedJob polled = feeds.apiTrainingFeedsFeedImportsIdGet("completions", accepted.getId());
            assertThat(polled.getStatus()).isIn(FINAL);
            return polled;
        });
        assertThat(done.getStatus()).as(String.valueOf(done)).isEqualTo(FeedStatus.APPLIED);
        assertThat(done.getRecords()).isEqualTo(3L);
        assertThat(done.getCreated()).isEqualTo(3L);
        assertThat(done.getRejected()).isZero();
        assertThat(done.getFinishedAt()).isNotNull();

        // The same batch sent again (a retry of the council's nightly job) changes nothing.
        FeedJob again = feeds.apiTrainingFeedsFeedImportsPost("completions", csv, false, UUID.randomUUID().toString(),
                "wait=30", batch);
        assertThat(again.getStatus()).isEqualTo(FeedStatus.DUPLICATE);
        assertThat(again.getDuplicateOf()).isEqualTo(accepted.getId());

        eventuallyHolds(Duration.ofSeconds(10), () -> assertThat(peopleTrainedIn2020(dashboard))
                .isEqualByComparingTo(before.add(BigDecimal.valueOf(3))));
    }

    @Test
    void theStrategyDashboardReadsIndicatorValuesAndTheAnnualReportAsJson() throws ApiException {
        org.preventhub.client.ApiClient client = as(() -> tokens.forClient("strategy-dashboard", "strategy-dashboard-secret"));
        ReportingIndicatorsApi indicators = new ReportingIndicatorsApi(client);
        // Reporting learns the demo year from the services' events as the suite starts.
        IndicatorValues byCourse = eventually(Duration.ofMinutes(3), () -> {
            IndicatorValues values = indicators.apiReportingIndicatorsIdValuesGet("training.people-trained", "course",
                    "reporting", null, null, null, null, 2019);
            assertThat(cell(values, "ONLINE-GROOMING")).isEqualByComparingTo("240");
            return values;
        });
        assertThat(byCourse.getIndicator().getId()).isEqualTo("training.people-trained");
        assertThat(byCourse.getPeriod()).isNotNull();
        assertThat(cell(byCourse, "WRAP")).isEqualByComparingTo("60");

        AnnualReport report = new ReportingAnnualReportApi(client).apiReportingReportsAnnualGet("reporting", "json", null,
                null, 2019);
        assertThat(report.getSections()).hasSize(6);
        // The dashboard's role (analyst) reads figures about people referred under disclosure control.
        assertThat(report.getDisclosureControlled()).isTrue();
        Section awareness = report.getSections().stream().filter(s -> "AWARENESS_LEARNING".equals(s.getPriority()))
                .findFirst().orElseThrow();
        IndicatorValues sessions = awareness.getIndicators().stream()
                .filter(v -> "training.sessions-delivered".equals(v.getIndicator().getId())).findFirst().orElseThrow();
        assertThat(cell(sessions, "WRAP")).isEqualByComparingTo("5");
        assertThat(cell(sessions, "ONLINE-GROOMING")).isEqualByComparingTo("8");
    }

    // --- helpers ---

    /** The generated client as a partner configures it: the gateway's address and its own bearer token. */
    private static org.preventhub.client.ApiClient as(Supplier<String> token) {
        org.preventhub.client.ApiClient client = new org.preventhub.client.ApiClient();
        client.updateBaseUri(gateway);
        client.setReadTimeout(Duration.ofSeconds(60));
        client.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + token.get()));
        return client;
    }

    private static ReferralStatusView statusSeenBy(ReferralsReferralsApi referrals, UUID id) throws ApiException {
        return referrals.apiReferralsReferralsIdGet(id, "Following our referral").getReferralStatusView();
    }

    private static BigDecimal receivedThisYear(ReportingIndicatorsApi indicators) throws ApiException {
        LocalDate today = LocalDate.now();
        int year = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return valueOf(indicators.apiReportingIndicatorsIdValuesGet("referrals.received", null, "reporting", null, null, null,
                null, year).getFigure());
    }

    private static BigDecimal peopleTrainedIn2020(ReportingIndicatorsApi indicators) throws ApiException {
        return valueOf(indicators.apiReportingIndicatorsIdValuesGet("training.people-trained", null, "reporting", null, null,
                null, null, 2020).getFigure());
    }

    /** A figure's value; a year nobody was counted in may answer none. */
    private static BigDecimal valueOf(Figure figure) {
        return figure.getValue() == null ? BigDecimal.ZERO : figure.getValue();
    }

    private static BigDecimal cell(IndicatorValues values, String key) {
        return values.getBreakdown().getCells().stream().filter(c -> key.equals(c.getKey())).map(Cell::getFigure)
                .findFirst().orElseThrow(() -> new AssertionError(values.getIndicator().getId() + " has no cell " + key))
                .getValue();
    }

    private interface Check<T> {
        T get() throws ApiException;
    }

    private interface Assertion {
        void run() throws ApiException;
    }

    private static void eventuallyHolds(Duration within, Assertion check) {
        eventually(within, () -> {
            check.run();
            return null;
        });
    }

    /** Retries until the check holds or the time is up: reporting and feed imports finish after they answer. */
    private static <T> T eventually(Duration within, Check<T> check) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                return check.get();
            } catch (AssertionError | ApiException e) {
                if (System.nanoTime() > deadline) {
                    throw e instanceof AssertionError assertion ? assertion : new AssertionError(e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(interrupted);
                }
            }
        }
    }
}
