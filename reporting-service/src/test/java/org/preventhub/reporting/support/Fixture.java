package org.preventhub.reporting.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.CommunicationPublished;
import org.preventhub.contracts.engagement.CommunityEventChanged;
import org.preventhub.contracts.engagement.CommunityEventSnapshot;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.OrganisationRegistered;
import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.contracts.referral.ReferralSnapshot;
import org.preventhub.contracts.referral.ReferralStageChanged;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.BookingConfirmed;
import org.preventhub.contracts.training.BookingSnapshot;
import org.preventhub.contracts.training.CompletionRecorded;
import org.preventhub.contracts.training.CompletionsRecorded;
import org.preventhub.contracts.training.CourseSnapshot;
import org.preventhub.contracts.training.EvaluationSubmitted;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.SessionSnapshot;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.testing.CloudEventProducer;

/** Test data: the services' events, built from the contract records and published to their topics. */
public final class Fixture {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Fixture() {
    }

    public static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(LONDON).toInstant();
    }

    /** A course as training-service registers it: reporting knows its code and its title. */
    public static void course(String code, String title) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.COURSE_REGISTERED, id.toString(),
                new CourseSnapshot(id, code, title, Priority.AWARENESS_LEARNING, "PROFESSIONALS", 90,
                        List.of(DeliveryMode.IN_PERSON), true));
    }

    /** A delivered session with {@code attended} people and {@code absent} no-shows; returns its id. */
    public static UUID deliveredSession(String course, LocalDate day, DeliveryMode mode, String area, int attended, int absent) {
        UUID id = UUID.randomUUID();
        SessionSnapshot session = new SessionSnapshot(id, UUID.randomUUID(), course, Priority.AWARENESS_LEARNING,
                noon(day), noon(day).plusSeconds(5400), mode, area, 30, "OPEN", null, "EDUCATION", "DELIVERED");
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.SESSION_DELIVERED, id.toString(),
                new SessionDelivered(session, noon(day), attended + absent, attended, absent, 0));
        for (int i = 0; i < attended + absent; i++) {
            attendance(id, course, day, mode, area, i % 2 == 0 ? "HEALTH" : "EDUCATION", i < attended);
        }
        return id;
    }

    public static UUID attendance(UUID session, String course, LocalDate day, DeliveryMode mode, String area, String sector,
            boolean attended) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, id.toString(),
                new AttendanceRecorded(new AttendanceSnapshot(id, session, null, UUID.randomUUID(), course,
                        Priority.AWARENESS_LEARNING, noon(day), mode, area, sector, attended, true)));
        return id;
    }

    /** A partner organisation as engagement-service registers it; returns its id. */
    public static UUID organisation(String name, String type) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.ORGANISATION_REGISTERED, id.toString(),
                new OrganisationRegistered(id, name, type, "rugby", true));
        return id;
    }

    /** A walk-in's attendance naming their organisation: a partner's reference, or as written. */
    public static UUID attendanceFrom(UUID organisationId, String organisation, String course, LocalDate day,
            boolean attended) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, id.toString(),
                new AttendanceRecorded(new AttendanceSnapshot(id, UUID.randomUUID(), null, UUID.randomUUID(), course,
                        Priority.AWARENESS_LEARNING, noon(day), DeliveryMode.IN_PERSON, "rugby", "COMMUNITY", attended,
                        true, organisationId, organisation)));
        return id;
    }

    /**
     * A booking confirmed as training-service publishes it: made at {@code bookedAt}, recorded (the event's time)
     * now, as staff record the bookings of a session that has started.
     */
    public static UUID booking(UUID session, String course, String sector, Instant bookedAt) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.BOOKING_CONFIRMED, id.toString(),
                new BookingConfirmed(new BookingSnapshot(id, session, UUID.randomUUID(), course, "CONFIRMED", sector,
                        "STAFF", null, bookedAt)));
        return id;
    }

    /** The register's mark of a booking: attended, or a no-show. */
    public static UUID mark(UUID session, UUID booking, String course, LocalDate day, String sector, boolean attended) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, id.toString(),
                new AttendanceRecorded(new AttendanceSnapshot(id, session, booking, UUID.randomUUID(), course,
                        Priority.AWARENESS_LEARNING, noon(day), DeliveryMode.IN_PERSON, "warwick", sector, attended, false)));
        return id;
    }

    /** A session delivered with these counts (its marks are published apart). */
    public static void delivered(UUID session, String course, LocalDate day, int booked, int attended, int noShows,
            int walkIns) {
        SessionSnapshot snapshot = new SessionSnapshot(session, UUID.randomUUID(), course, Priority.AWARENESS_LEARNING,
                noon(day), noon(day).plusSeconds(5400), DeliveryMode.IN_PERSON, "warwick", 30, "OPEN", null,
                "EDUCATION", "DELIVERED");
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.SESSION_DELIVERED, session.toString(),
                new SessionDelivered(snapshot, Instant.now(), booked, attended, noShows, walkIns));
    }

    public static void evaluation(UUID session, String course, LocalDate day, String area, boolean understands) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.EVALUATION_SUBMITTED, id.toString(),
                new EvaluationSubmitted(id, UUID.randomUUID(), session, UUID.randomUUID(), course, noon(day),
                        DeliveryMode.IN_PERSON, area, "HEALTH", understands, 2, 4, 5, "STAFF"));
    }

    public static void completion(String course, LocalDate day, String area, boolean completed) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.COMPLETION_RECORDED, id.toString(),
                new CompletionRecorded(id, "warwick-district-council", UUID.randomUUID(), course, day,
                        DeliveryMode.ONLINE, true, area, "LOCAL_AUTHORITY", completed, UUID.randomUUID()));
    }

    /** One record of a feed import, for {@link #completions}. */
    public record Completion(UUID recordId, String course, LocalDate day, String area, boolean completed) {
        public static Completion of(String course, LocalDate day, String area, boolean completed) {
            return new Completion(UUID.randomUUID(), course, day, area, completed);
        }
    }

    /** A feed import's records as training-service publishes them: one part, column-wise, at {@code time}. */
    public static void completions(Instant time, List<Completion> records) {
        UUID importId = UUID.randomUUID();
        CompletionsRecorded.Records columns = new CompletionsRecorded.Records(
                records.stream().map(Completion::recordId).toList(),
                records.stream().map(r -> UUID.randomUUID()).toList(),
                records.stream().map(Completion::course).toList(),
                records.stream().map(Completion::day).toList(),
                records.stream().map(r -> DeliveryMode.ONLINE).toList(),
                records.stream().map(r -> true).toList(),
                records.stream().map(Completion::area).toList(),
                records.stream().map(r -> "LOCAL_AUTHORITY").toList(),
                records.stream().map(Completion::completed).toList());
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.COMPLETIONS_RECORDED, importId.toString(),
                new CompletionsRecorded(importId, "warwick-district-council", 1, columns), UUID.randomUUID().toString(), time);
    }

    /** A referral received on {@code day}; screened out when {@code screenedOutOn} is given. */
    public static String referral(LocalDate day, String area, List<String> concerns, String ageBand, LocalDate screenedOutOn) {
        Referral referral = Referral.received(day).in(area).concerns(concerns).aged(ageBand);
        if (screenedOutOn != null) {
            referral.screenedOut(screenedOutOn, "NO_FURTHER_ACTION");
        }
        return referral.pseudonym();
    }

    /**
     * A Channel referral through its stages, each published as referral-service does: the whole snapshot after
     * the change. Set where it is from before the first stage after {@link #received}.
     */
    public static final class Referral {
        private final String pseudonym = UUID.randomUUID().toString().replace("-", "");
        private final LocalDate receivedOn;
        private String stage = "RECEIVED";
        private String area = "warwick";
        private String sector = "EDUCATION";
        private List<String> concerns = List.of("OTHER");
        private String ageBand = "15-17";
        private String gender = "MALE";
        private LocalDate screenedOn;
        private String screeningOutcome;
        private LocalDate panelOn;
        private String panelOutcome;
        private LocalDate consentOn;
        private String consent;
        private LocalDate supportOn;
        private LocalDate exitedOn;
        private String exitOutcome;
        private int reviewsDone;
        private LocalDate nextReviewDue;
        private LocalDate closedOn;
        private boolean published;

        private Referral(LocalDate receivedOn) {
            this.receivedOn = receivedOn;
        }

        /** Received on {@code day}; published on the first stage change or {@link #publish()}. */
        public static Referral received(LocalDate day) {
            return new Referral(day);
        }

        public Referral in(String area) {
            this.area = area;
            return this;
        }

        public Referral from(String sector) {
            this.sector = sector;
            return this;
        }

        public Referral concerns(List<String> concerns) {
            this.concerns = concerns;
            return this;
        }

        public Referral aged(String ageBand) {
            this.ageBand = ageBand;
            return this;
        }

        public Referral gender(String gender) {
            this.gender = gender;
            return this;
        }

        public String pseudonym() {
            publish();
            return pseudonym;
        }

        /** Publishes the received event, if not done yet. */
        public Referral publish() {
            if (!published) {
                published = true;
                send(ReferralEventTypes.RECEIVED, null, receivedOn);
            }
            return this;
        }

        /** @param outcome NO_FURTHER_ACTION or SIGNPOSTED */
        public Referral screenedOut(LocalDate on, String outcome) {
            publish();
            screenedOn = on;
            screeningOutcome = outcome;
            return move(outcome, ReferralEventTypes.SCREENED_OUT, on);
        }

        public Referral listedForPanel(LocalDate on) {
            publish();
            screenedOn = on;
            screeningOutcome = "LISTED_FOR_PANEL";
            return move("LISTED_FOR_PANEL", ReferralEventTypes.LISTED_FOR_PANEL, on);
        }

        public Referral notAdopted(LocalDate panelDay) {
            panelOn = panelDay;
            panelOutcome = "NOT_ADOPTED_SIGNPOSTED";
            return move("NOT_ADOPTED", ReferralEventTypes.NOT_ADOPTED, panelDay);
        }

        /** Adopted at a panel on {@code panelDay}, with consent given and support started the same day. */
        public Referral adopted(LocalDate panelDay) {
            panelOn = panelDay;
            panelOutcome = "ADOPTED";
            move("ADOPTED", ReferralEventTypes.ADOPTED, panelDay);
            consentOn = panelDay;
            consent = "GIVEN";
            move("CONSENT_GIVEN", ReferralEventTypes.CONSENT_RECORDED, panelDay);
            supportOn = panelDay;
            return move("IN_SUPPORT", ReferralEventTypes.SUPPORT_STARTED, panelDay);
        }

        /** @param outcome NO_FURTHER_CONCERNS or REFERRED_TO_OTHER_SERVICES; the six-month review falls due */
        public Referral exited(LocalDate on, String outcome) {
            exitedOn = on;
            exitOutcome = outcome;
            nextReviewDue = on.plusMonths(6);
            return move("EXITED", ReferralEventTypes.EXITED, on);
        }

        /** The next review recorded: the twelve-month one falls due after the first, nothing after the second. */
        public Referral reviewed(LocalDate on) {
            reviewsDone++;
            nextReviewDue = reviewsDone == 1 ? exitedOn.plusMonths(12) : null;
            move("EXITED", ReferralEventTypes.REVIEW_RECORDED, on);
            if (reviewsDone == 2) {
                closedOn = on;
                move("CLOSED", ReferralEventTypes.CLOSED, on);
            }
            return this;
        }

        private Referral move(String next, String type, LocalDate on) {
            String previous = stage;
            stage = next;
            send(type, previous, on);
            return this;
        }

        private void send(String type, String previousStage, LocalDate on) {
            ReferralSnapshot snapshot = new ReferralSnapshot(pseudonym, stage, receivedOn, sector, concerns, ageBand, gender,
                    area, "ROUTINE", screenedOn, screeningOutcome, panelOn, panelOutcome, consentOn, consent, supportOn,
                    exitedOn, exitOutcome, reviewsDone, nextReviewDue, closedOn, homeOfficeConcern(concerns.get(0)),
                    ageBand == null ? null : ageBand.equals("15-17") || ageBand.equals("18-20") ? "15-20" : ageBand);
            CloudEventProducer.publish(Topics.REFERRAL, type, pseudonym, new ReferralStageChanged(snapshot, previousStage, on),
                    UUID.randomUUID().toString(), noon(on));
        }
    }

    /** The Home Office category the referral service gives a local type of concern by default. */
    private static String homeOfficeConcern(String local) {
        return switch (local) {
            case "NO_IDEOLOGY" -> "VULNERABILITY_NO_IDEOLOGY";
            case "ISLAMIST", "EXTREME_RIGHT_WING", "MIXED_UNCLEAR_UNSTABLE" -> local;
            default -> "OTHER";
        };
    }

    public static void communication(LocalDate day, String channel, Integer reach) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.COMMUNICATION_PUBLISHED, id.toString(),
                new CommunicationPublished(new CommunicationPublished.Communication(id, "Prevent newsletter", channel,
                        "PROFESSIONALS", Priority.INTELLIGENCE_COMMUNICATIONS, day, reach, null, reach, false, List.of())));
    }

    /**
     * A community event as engagement-service publishes it: planned, then held with its attendance (null when not
     * counted), or cancelled when {@code attendance} is negative. Returns the snapshot as held, to correct it.
     */
    public static CommunityEventSnapshot communityEvent(String title, String type, Priority priority, String area,
            List<LocalDate> dates, Integer attendance) {
        UUID id = UUID.randomUUID();
        CommunityEventSnapshot planned = event(id, title, type, "PLANNED", priority, area, dates, null);
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.EVENT_PLANNED, id.toString(),
                new CommunityEventChanged(planned, null), UUID.randomUUID().toString(), noon(dates.get(0)).minusSeconds(86_400 * 30));
        boolean cancelled = attendance != null && attendance < 0;
        CommunityEventSnapshot after = event(id, title, type, cancelled ? "CANCELLED" : "HELD", priority, area, dates,
                cancelled ? null : attendance);
        CloudEventProducer.publish(Topics.ENGAGEMENT, cancelled ? EngagementEventTypes.EVENT_CANCELLED : EngagementEventTypes.EVENT_HELD,
                id.toString(), new CommunityEventChanged(after, null), UUID.randomUUID().toString(),
                noon(dates.get(dates.size() - 1)));
        return after;
    }

    /** A planned event, never held. */
    public static void plannedEvent(String title, String type, Priority priority, String area, LocalDate day) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.EVENT_PLANNED, id.toString(),
                new CommunityEventChanged(event(id, title, type, "PLANNED", priority, area, List.of(day), null), null));
    }

    /** The attendance of a held event corrected, as a later event. */
    public static void attendanceCorrected(CommunityEventSnapshot held, int attendance, Instant at) {
        CommunityEventSnapshot corrected = new CommunityEventSnapshot(held.eventId(), held.title(), held.type(), held.status(),
                held.dates(), held.mode(), held.area(), held.priority(), held.audience(), held.plannedAttendance(), attendance,
                "HEADCOUNT", held.partnerTypes(), held.source());
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED, held.eventId().toString(),
                new CommunityEventChanged(corrected, held.attendance()), UUID.randomUUID().toString(), at);
    }

    private static CommunityEventSnapshot event(UUID id, String title, String type, String status, Priority priority,
            String area, List<LocalDate> dates, Integer attendance) {
        return new CommunityEventSnapshot(id, title, type, status, dates, DeliveryMode.IN_PERSON, area, priority, "COMMUNITY",
                50, attendance, attendance == null ? null : "HEADCOUNT", List.of("EQUALITY_CHARITY"), "test");
    }
}
