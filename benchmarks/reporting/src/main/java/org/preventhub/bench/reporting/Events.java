package org.preventhub.bench.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.CommunicationPublished;
import org.preventhub.contracts.engagement.CommunityEventChanged;
import org.preventhub.contracts.engagement.CommunityEventSnapshot;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.contracts.referral.ReferralSnapshot;
import org.preventhub.contracts.referral.ReferralStageChanged;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.BookingConfirmed;
import org.preventhub.contracts.training.BookingSnapshot;
import org.preventhub.contracts.training.CompletionRecorded;
import org.preventhub.contracts.training.EvaluationSubmitted;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.SessionSnapshot;
import org.preventhub.contracts.training.TrainingEventTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The services' events, built from the contract records and published as their outbox relays do (CloudEvents in
 * binary mode, key = aggregate id), straight to the stack's Kafka.
 */
final class Events implements AutoCloseable {

    static final String CONSUMER_GROUP = "reporting-service";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String[] AREAS = { "north-warwickshire", "nuneaton-and-bedworth", "rugby", "stratford-on-avon",
            "warwick", "county-wide" };
    private static final String[] COURSES = { "WRAP", "PREVENT-UPDATE", "ONLINE-GROOMING", "WRAP3", "BESPOKE" };
    /** The default sector vocabulary (platform's hub.reference.sectors). */
    private static final String[] SECTORS = { "EDUCATION", "HEALTH", "LOCAL_AUTHORITY", "POLICE", "PRISONS", "PROBATION",
            "COMMUNITY", "FAITH", "BUSINESS", "FRIENDS_AND_FAMILY", "PUBLIC", "OTHER" };

    private final KafkaProducer<String, String> producer;
    private final Random random = new Random(2019);
    private final Map<String, UUID> courseIds = new HashMap<>();
    private long sent;

    /** @param bulk batch for throughput (loading data) rather than for latency (the lag probes) */
    Events(boolean bulk) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, bulk ? "10" : "0");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, bulk ? "262144" : "16384");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(LONDON).toInstant();
    }

    long sent() {
        return sent;
    }

    Future<RecordMetadata> publish(String topic, String type, String key, Object payload, Instant time) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, MAPPER.writeValueAsString(payload));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", type);
            header(record, "ce_source", "/prevent-hub/benchmark");
            header(record, "ce_time", time.toString());
            header(record, "content-type", "application/json");
            sent++;
            return producer.send(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    // --- training -------------------------------------------------------------------------------------------------

    private UUID course(String code) {
        return courseIds.computeIfAbsent(code, c -> UUID.randomUUID());
    }

    /** A delivered session with its bookings, attendance (one no-show) and some evaluations; returns the events sent. */
    int session(LocalDate day, String course, int booked, int evaluations, String area) {
        UUID sessionId = UUID.randomUUID();
        Instant starts = noon(day);
        DeliveryMode mode = random.nextInt(3) == 0 ? DeliveryMode.ONLINE : DeliveryMode.IN_PERSON;
        String audience = SECTORS[random.nextInt(SECTORS.length)];
        int events = 0;
        for (int b = 0; b < booked; b++) {
            UUID bookingId = UUID.randomUUID();
            String sector = SECTORS[random.nextInt(SECTORS.length)];
            publish(Topics.TRAINING, TrainingEventTypes.BOOKING_CONFIRMED, bookingId.toString(), new BookingConfirmed(
                    new BookingSnapshot(bookingId, sessionId, course(course), course, "CONFIRMED", sector, "WEBSITE", null, null)),
                    starts.minus(Duration.ofDays(14)));
            UUID attendanceId = UUID.randomUUID();
            boolean attended = b < booked - 1;
            publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, attendanceId.toString(), new AttendanceRecorded(
                    new AttendanceSnapshot(attendanceId, sessionId, bookingId, course(course), course, Priority.AWARENESS_LEARNING,
                            starts, mode, area, sector, attended, false)), starts.plus(Duration.ofHours(2)));
            events += 2;
            if (attended && b < evaluations) {
                UUID evaluationId = UUID.randomUUID();
                publish(Topics.TRAINING, TrainingEventTypes.EVALUATION_SUBMITTED, evaluationId.toString(),
                        new EvaluationSubmitted(evaluationId, attendanceId, sessionId, course(course), course, starts, mode, area,
                                sector, random.nextInt(100) < 97, 2, 4, 5, "ONLINE"), starts.plus(Duration.ofHours(3)));
                events++;
            }
        }
        SessionSnapshot session = new SessionSnapshot(sessionId, course(course), course, Priority.AWARENESS_LEARNING, starts,
                starts.plus(Duration.ofMinutes(90)), mode, area, 30, "OPEN", null, audience, "DELIVERED");
        publish(Topics.TRAINING, TrainingEventTypes.SESSION_DELIVERED, sessionId.toString(),
                new SessionDelivered(session, starts.plus(Duration.ofHours(2)), booked, booked - 1, 1, 0), starts.plus(Duration.ofHours(2)));
        return events + 1;
    }

    /** One attendance, now: the load of the freshness benchmark. */
    void attendanceNow(LocalDate day) {
        UUID attendanceId = UUID.randomUUID();
        publish(Topics.TRAINING, TrainingEventTypes.ATTENDANCE_RECORDED, attendanceId.toString(), new AttendanceRecorded(
                new AttendanceSnapshot(attendanceId, UUID.randomUUID(), UUID.randomUUID(), course("PREVENT-UPDATE"),
                        "PREVENT-UPDATE", Priority.AWARENESS_LEARNING, noon(day), DeliveryMode.ONLINE,
                        AREAS[random.nextInt(AREAS.length)], SECTORS[random.nextInt(SECTORS.length)], true, false)), Instant.now());
    }

    /** A session delivered on {@code day}, sent now: what the freshness probe waits to see counted. */
    Future<RecordMetadata> probe(LocalDate day) {
        UUID sessionId = UUID.randomUUID();
        SessionSnapshot session = new SessionSnapshot(sessionId, course("PROBE"), "PROBE", Priority.AWARENESS_LEARNING, noon(day),
                noon(day).plus(Duration.ofHours(1)), DeliveryMode.ONLINE, "county-wide", 30, "OPEN", null, "OTHER", "DELIVERED");
        return publish(Topics.TRAINING, TrainingEventTypes.SESSION_DELIVERED, sessionId.toString(),
                new SessionDelivered(session, Instant.now(), 1, 1, 0, 0), Instant.now());
    }

    // --- a county's year -----------------------------------------------------------------------------------------

    /**
     * The September–August year from {@code startYear} of a county: 2,000 sessions delivered with 20,000 bookings and
     * their attendance and evaluations, 2,000 completions from council feeds, 500 community events, 100
     * communications and 300 referrals through their Channel stages.
     */
    void countyYear(int startYear) {
        LocalDate from = LocalDate.of(startYear, 9, 1);
        for (int s = 0; s < 2_000; s++) {
            session(from.plusDays(random.nextInt(365)), COURSES[random.nextInt(COURSES.length)], 10, 5,
                    AREAS[random.nextInt(AREAS.length)]);
        }
        for (int c = 0; c < 2_000; c++) {
            UUID id = UUID.randomUUID();
            LocalDate day = from.plusDays(random.nextInt(365));
            publish(Topics.TRAINING, TrainingEventTypes.COMPLETION_RECORDED, id.toString(), new CompletionRecorded(id,
                    "warwick-district-council", course("PREVENT-UPDATE"), "PREVENT-UPDATE", day, DeliveryMode.ONLINE, true,
                    AREAS[random.nextInt(AREAS.length)], SECTORS[random.nextInt(SECTORS.length)], random.nextInt(10) > 0,
                    UUID.randomUUID()), noon(day));
        }
        String[][] kinds = { { "PUBLIC_MEETING", "COMMUNITY_ENGAGEMENT" }, { "WORKSHOP", "COMMUNITY_ENGAGEMENT" },
                { "COMMUNITY_FORUM", "COMMUNITY_ENGAGEMENT" }, { "BUSINESS_EVENT", "COMMUNITY_ENGAGEMENT" },
                { "CONFERENCE", "AWARENESS_LEARNING" }, { "SCHOOL_PROJECT", "SAFE_EDUCATION" }, { "FOCUS_GROUP", "SAFE_EDUCATION" },
                { "GOVERNANCE_MEETING", "LEADERSHIP_GOVERNANCE" } };
        for (int e = 0; e < 500; e++) {
            UUID id = UUID.randomUUID();
            String[] kind = kinds[random.nextInt(kinds.length)];
            LocalDate day = from.plusDays(random.nextInt(365));
            Priority priority = Priority.valueOf(kind[1]);
            String area = AREAS[random.nextInt(AREAS.length)];
            publish(Topics.ENGAGEMENT, EngagementEventTypes.EVENT_PLANNED, id.toString(), new CommunityEventChanged(
                    event(id, kind[0], "PLANNED", day, priority, area, null), null), noon(day).minus(Duration.ofDays(30)));
            boolean held = random.nextInt(10) > 0;
            publish(Topics.ENGAGEMENT, held ? EngagementEventTypes.EVENT_HELD : EngagementEventTypes.EVENT_CANCELLED, id.toString(),
                    new CommunityEventChanged(event(id, kind[0], held ? "HELD" : "CANCELLED", day, priority, area,
                            held ? 10 + random.nextInt(140) : null), null), noon(day));
        }
        String[] channels = { "NEWSLETTER", "SCHOOLS_NEWSLETTER", "BULLETIN", "SOCIAL_POST", "WEB_UPDATE" };
        for (int c = 0; c < 100; c++) {
            UUID id = UUID.randomUUID();
            LocalDate day = from.plusDays(random.nextInt(365));
            Integer reach = random.nextInt(4) == 0 ? null : 50 + random.nextInt(2_000);
            publish(Topics.ENGAGEMENT, EngagementEventTypes.COMMUNICATION_PUBLISHED, id.toString(), new CommunicationPublished(
                    new CommunicationPublished.Communication(id, "Prevent news", channels[random.nextInt(channels.length)],
                            "PROFESSIONALS", Priority.INTELLIGENCE_COMMUNICATIONS, day, reach, null, reach, false, List.of())),
                    noon(day));
        }
        for (int r = 0; r < 300; r++) {
            referral(from.plusDays(random.nextInt(330)));
        }
    }

    private static CommunityEventSnapshot event(UUID id, String type, String status, LocalDate day, Priority priority,
            String area, Integer attendance) {
        return new CommunityEventSnapshot(id, "Benchmark " + type.toLowerCase(), type, status, List.of(day),
                DeliveryMode.IN_PERSON, area, priority, "COMMUNITY", 60, attendance, attendance == null ? null : "HEADCOUNT",
                List.of("COUNCIL"), "benchmark");
    }

    /** A referral through its stages, as referral-service publishes them: the whole snapshot after each change. */
    private void referral(LocalDate received) {
        String[] concerns = { "ISLAMIST", "EXTREME_RIGHT_WING", "MIXED_UNCLEAR_UNSTABLE", "NO_IDEOLOGY", "OTHER" };
        String[] sectors = { "EDUCATION", "POLICE", "LOCAL_AUTHORITY", "HEALTH", "COMMUNITY", "FRIENDS_AND_FAMILY", "PRISONS", "PROBATION", "OTHER" };
        String[] ages = { "under-15", "15-17", "18-20", "21-30", "31-40", "41-50", "51-60", "61-plus" };
        String pseudonym = UUID.randomUUID().toString().replace("-", "");
        List<Object> r = new ArrayList<>(List.of(pseudonym, "RECEIVED", received, sectors[random.nextInt(sectors.length)],
                List.of(concerns[random.nextInt(concerns.length)]), ages[random.nextInt(ages.length)],
                random.nextBoolean() ? "MALE" : "FEMALE", AREAS[random.nextInt(AREAS.length - 1)]));
        Stage stage = new Stage(r);
        stage.send(ReferralEventTypes.RECEIVED, null, received);
        LocalDate screened = received.plusDays(5 + random.nextInt(20));
        if (random.nextInt(10) < 7) {
            stage.screenedOn = screened;
            stage.screening = random.nextBoolean() ? "NO_FURTHER_ACTION" : "SIGNPOSTED";
            stage.move(stage.screening, ReferralEventTypes.SCREENED_OUT, screened);
            return;
        }
        stage.screenedOn = screened;
        stage.screening = "LISTED_FOR_PANEL";
        stage.move("LISTED_FOR_PANEL", ReferralEventTypes.LISTED_FOR_PANEL, screened);
        LocalDate panel = screened.plusDays(10 + random.nextInt(20));
        stage.panelOn = panel;
        if (random.nextInt(10) < 6) {
            stage.panel = "NOT_ADOPTED_SIGNPOSTED";
            stage.move("NOT_ADOPTED", ReferralEventTypes.NOT_ADOPTED, panel);
            return;
        }
        stage.panel = "ADOPTED";
        stage.move("ADOPTED", ReferralEventTypes.ADOPTED, panel);
        stage.supportOn = panel;
        stage.move("IN_SUPPORT", ReferralEventTypes.SUPPORT_STARTED, panel);
        stage.exitedOn = panel.plusMonths(4 + random.nextInt(4));
        stage.exit = random.nextBoolean() ? "NO_FURTHER_CONCERNS" : "REFERRED_TO_OTHER_SERVICES";
        stage.nextReview = stage.exitedOn.plusMonths(6);
        stage.move("EXITED", ReferralEventTypes.EXITED, stage.exitedOn);
    }

    private final class Stage {
        private final List<Object> basics;
        private String current;
        LocalDate screenedOn;
        String screening;
        LocalDate panelOn;
        String panel;
        LocalDate supportOn;
        LocalDate exitedOn;
        String exit;
        LocalDate nextReview;

        Stage(List<Object> basics) {
            this.basics = basics;
            this.current = (String) basics.get(1);
        }

        void move(String next, String type, LocalDate on) {
            String previous = current;
            current = next;
            send(type, previous, on);
        }

        @SuppressWarnings("unchecked")
        void send(String type, String previous, LocalDate on) {
            String pseudonym = (String) basics.get(0);
            ReferralSnapshot snapshot = new ReferralSnapshot(pseudonym, current, (LocalDate) basics.get(2), (String) basics.get(3),
                    (List<String>) basics.get(4), (String) basics.get(5), (String) basics.get(6), (String) basics.get(7),
                    "ROUTINE", screenedOn, screening, panelOn, panel, panelOn == null || panel == null || !panel.equals("ADOPTED")
                            ? null : panelOn, panel != null && panel.equals("ADOPTED") ? "GIVEN" : null, supportOn, exitedOn, exit, 0,
                    nextReview, null, null, null);
            publish(Topics.REFERRAL, type, pseudonym, new ReferralStageChanged(snapshot, previous, on), noon(on));
        }
    }

    // --- Kafka's view ----------------------------------------------------------------------------------------------

    /** Creates the three topics unless they exist (a fresh stack has published nothing yet). */
    static void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA))) {
            for (String topic : List.of(Topics.TRAINING, Topics.REFERRAL, Topics.ENGAGEMENT)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Kafka: " + e.getCause(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events on the three topics, and how many the reporting service's consumer has not committed yet. */
    static long[] totalAndBacklog() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Suite.KAFKA))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (var description : admin.describeTopics(List.of(Topics.TRAINING, Topics.REFERRAL, Topics.ENGAGEMENT))
                    .allTopicNames().get().values()) {
                description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            long total = 0;
            long backlog = 0;
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition).offset();
                OffsetAndMetadata done = committed.get(partition);
                total += end;
                backlog += end - (done == null ? 0 : done.offset());
            }
            return new long[] { total, backlog };
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
