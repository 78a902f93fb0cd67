package org.preventhub.engagement.competency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.TrainingEventTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads training's attendance events (the only ones competency needs: recorded, corrected, and erased, after which
 * the attendance is forgotten) and keeps {@link TrainingCompletions}: each batch applied in one transaction with its
 * event ids, and only then the offsets committed. A crash in between
 * redelivers events that are recognised and skipped; a database outage pauses the consumer and loses nothing.
 * An event that cannot be read is logged by its id and passed over (it carries nothing competency could use).
 */
@ApplicationScoped
public class TrainingEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TrainingEventsConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FIRST_PAUSE_MS = 100;
    private static final long LONGEST_PAUSE_MS = 5_000;

    private final TrainingCompletions completions;
    private final CompetencyConfig config;
    private final String bootstrapServers;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread worker;

    public TrainingEventsConsumer(TrainingCompletions completions, CompetencyConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.completions = completions;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        if (config.consumerEnabled()) {
            running = true;
            worker = new Thread(this::run, "training-events-consumer");
            worker.setDaemon(true);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long pause = FIRST_PAUSE_MS;
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                kafka.subscribe(List.of(Topics.TRAINING));
                while (running) {
                    ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(200));
                    if (records.isEmpty()) {
                        continue;
                    }
                    List<TrainingCompletions.Event> batch = new ArrayList<>();
                    records.forEach(record -> read(record, batch));
                    try {
                        completions.apply(Topics.TRAINING, batch);
                        pause = FIRST_PAUSE_MS;
                    } catch (Exception e) {
                        // Read the same events again after a pause; the offsets stay where they were.
                        seekBack(kafka, records);
                        LOG.warnf("Training events paused %d ms: %s", pause, e.toString());
                        sleep(pause);
                        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
                        continue;
                    }
                    kafka.commitSync();
                }
            } catch (WakeupException e) {
                // stopping
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Training events consumer restarting after %s", e.toString());
                    sleep(1000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * An attendance recorded or corrected, as a completion candidate, or its attendee's erasure; any other type is not
     * competency's.
     */
    static void read(ConsumerRecord<String, String> record, List<TrainingCompletions.Event> batch) {
        String type = header(record, "ce_type");
        boolean erased = TrainingEventTypes.ATTENDANCE_ERASED.equals(type);
        if (!erased && !TrainingEventTypes.ATTENDANCE_RECORDED.equals(type)
                && !TrainingEventTypes.ATTENDANCE_CORRECTED.equals(type)) {
            return;
        }
        String given = header(record, "ce_id");
        // An event without a usable id is still recorded once, by where it sits in the log.
        String id = given == null || given.isBlank() || given.length() > 64
                ? record.partition() + ":" + record.offset() : given;
        try {
            JsonNode payload = JSON.readTree(record.value());
            if (erased) {
                batch.add(new TrainingCompletions.Erasure(id, UUID.fromString(payload.path("attendanceId").asText())));
                return;
            }
            JsonNode a = payload.path("attendance");
            String time = header(record, "ce_time");
            String userId = a.path("userId").isTextual() ? a.path("userId").asText() : null;
            batch.add(new TrainingCompletions.Attendance(id, UUID.fromString(a.path("attendanceId").asText()),
                    userId == null || userId.isBlank() ? null : userId, a.path("courseCode").asText(),
                    Instant.parse(a.path("sessionStartsAt").asText()), a.path("attended").asBoolean(),
                    time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time)));
        } catch (Exception e) {
            LOG.warnf("Training event %s (%s) cannot be read and is passed over: %s", id, type, e.getClass().getSimpleName());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static void seekBack(KafkaConsumer<String, String> kafka, ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> those = records.records(partition);
            if (!those.isEmpty() && kafka.assignment().contains(partition)) {
                kafka.seek(partition, those.get(0).offset());
            }
        }
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
