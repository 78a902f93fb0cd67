package org.preventhub.reporting.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Sector;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.contracts.referral.ReferralSnapshot;
import org.preventhub.contracts.referral.ReferralStageChanged;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.CompletionRecorded;
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

    /** A delivered session with {@code attended} people and {@code absent} no-shows; returns its id. */
    public static UUID deliveredSession(String course, LocalDate day, DeliveryMode mode, String area, int attended, int absent) {
        UUID id = UUID.randomUUID();
        SessionSnapshot session = new SessionSnapshot(id, UUID.randomUUID(), course, Priority.AWARENESS_LEARNING,
                noon(day), noon(day).plusSeconds(5400), mode, area, 30, "OPEN", null, Sector.EDUCATION, "DELIVERED");
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.SESSION_DELIVERED, id.toString(),
                new SessionDelivered(session, noon(day), attended + absent, attended, absent, 0));
        for (int i = 0; i < attended + absent; i++) {
            attendance(id, course, day, mode, area, i % 2 == 0 ? Sector.HEALTH : Sector.EDUCATION, i < attended);
        }
        return id;
    }

    public static UUID attendance(UUID session, String course, LocalDate day, DeliveryMode mode, String area, Sector sector,
            boolean attended) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, id.toString(),
                new AttendanceRecorded(new AttendanceSnapshot(id, session, null, UUID.randomUUID(), course,
                        Priority.AWARENESS_LEARNING, noon(day), mode, area, sector, attended, true)));
        return id;
    }

    public static void evaluation(UUID session, String course, LocalDate day, String area, boolean understands) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.EVALUATION_SUBMITTED, id.toString(),
                new EvaluationSubmitted(id, UUID.randomUUID(), session, UUID.randomUUID(), course, noon(day),
                        DeliveryMode.IN_PERSON, area, Sector.HEALTH, understands, 2, 4, 5, "STAFF"));
    }

    public static void completion(String course, LocalDate day, String area, boolean completed) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.TRAINING, TrainingEventTypes.COMPLETION_RECORDED, id.toString(),
                new CompletionRecorded(id, "warwick-district-council", UUID.randomUUID(), course, day,
                        DeliveryMode.ONLINE, true, area, Sector.LOCAL_AUTHORITY, completed, UUID.randomUUID()));
    }

    /** A referral received on {@code day}; screened out when {@code screenedOutOn} is given. */
    public static String referral(LocalDate day, String area, List<String> concerns, String ageBand, LocalDate screenedOutOn) {
        String pseudonym = UUID.randomUUID().toString().replace("-", "");
        ReferralSnapshot received = snapshot(pseudonym, "RECEIVED", day, area, concerns, ageBand, null);
        CloudEventProducer.publish(Topics.REFERRAL, ReferralEventTypes.RECEIVED, pseudonym,
                new ReferralStageChanged(received, null, day));
        if (screenedOutOn != null) {
            ReferralSnapshot screened = snapshot(pseudonym, "NO_FURTHER_ACTION", day, area, concerns, ageBand, screenedOutOn);
            CloudEventProducer.publish(Topics.REFERRAL, ReferralEventTypes.SCREENED_OUT, pseudonym,
                    new ReferralStageChanged(screened, "IN_SCREENING", screenedOutOn));
        }
        return pseudonym;
    }

    private static ReferralSnapshot snapshot(String pseudonym, String stage, LocalDate received, String area,
            List<String> concerns, String ageBand, LocalDate screenedOn) {
        return new ReferralSnapshot(pseudonym, stage, received, "EDUCATION", concerns, ageBand, "MALE", area, "ROUTINE",
                screenedOn, screenedOn == null ? null : "NO_FURTHER_ACTION", null, null, null, null, null, null, null, 0,
                null, screenedOn);
    }

    public static void communication(LocalDate day, String channel, Integer reach) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> communication = new java.util.HashMap<>(Map.of("communicationId", id, "title",
                "Prevent newsletter", "channel", channel, "audience", "PROFESSIONALS", "priority",
                "INTELLIGENCE_COMMUNICATIONS", "publishedOn", day.toString(), "incidentResponse", false));
        communication.put("reach", reach);
        CloudEventProducer.publish(Topics.ENGAGEMENT, "engagement.communication.published.v1", id,
                Map.of("communication", communication));
    }
}
