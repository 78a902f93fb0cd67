package org.preventhub.reporting.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.preventhub.reporting.config.ReportingConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Events that cannot be projected go to the dead-letter topic: the original key, value and headers, plus
 * {@code dlq_reason}, {@code dlq_topic}, {@code dlq_partition} and {@code dlq_offset}, so someone can look, fix and
 * replay (a fixed copy with the same {@code ce_id} is projected: a dead-lettered event is never marked processed).
 *
 * <p>A dead letter is first written to the {@code dead_letter} table in the transaction of its batch, before the
 * offsets are committed, and a relay thread sends what is unsent. So neither a crash after the commit nor the
 * dead-letter topic being unavailable loses one; the source position is unique, so none is sent twice by a
 * redelivery or a rebuild.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final AgroalDataSource dataSource;
    private final ReportingConfig config;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private final Counter recorded;
    private final Counter sent;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread relay;
    private KafkaProducer<String, String> producer;

    public DeadLetters(AgroalDataSource dataSource, ReportingConfig config, ObjectMapper mapper, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
        this.recorded = registry.counter("reporting.events.dead-lettered");
        this.sent = registry.counter("reporting.dead-letters.sent");
    }

    /** Records dead letters in the caller's transaction; they are sent once it commits. */
    public void record(Connection c, List<Projector.DeadLetter> letters) throws SQLException {
        if (letters.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO dead_letter (source_topic, source_partition, source_offset, event_id, event_type, record_key,
                    record_value, headers, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING""")) {
            for (Projector.DeadLetter letter : letters) {
                ConsumerRecord<String, String> record = letter.record();
                insert.setString(1, record.topic());
                insert.setInt(2, record.partition());
                insert.setLong(3, record.offset());
                insert.setString(4, limit(Projector.header(record, "ce_id"), 200));
                insert.setString(5, limit(Projector.header(record, "ce_type"), 200));
                insert.setString(6, record.key());
                insert.setString(7, record.value() == null ? null : record.value().replace("\u0000", ""));
                insert.setString(8, headers(record));
                insert.setString(9, limit(letter.reason(), 1000));
                insert.addBatch();
            }
            for (int count : insert.executeBatch()) {
                if (count > 0) {
                    recorded.increment();
                }
            }
        }
        for (Projector.DeadLetter letter : letters) {
            var record = letter.record();
            LOG.warnf("Dead letter %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), letter.reason());
        }
    }

    /** Asks the relay to send now rather than at its next round. */
    public void wake() {
        wake.release();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        relay = new Thread(this::relay, "dead-letter-relay");
        relay.setDaemon(true);
        relay.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        if (relay != null) {
            try {
                relay.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    private void relay() {
        Duration backoff = IDLE;
        while (running) {
            try {
                int published = publishPending();
                backoff = IDLE;
                if (published > 0) {
                    continue; // there may be more
                }
            } catch (Exception e) {
                // Kafka or the database is away: the letters stay in the table and are sent when both are back.
                LOG.warnf("Dead letters not sent yet (%s); retrying in %d ms", e.toString(), backoff.toMillis());
                closeProducer();
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            try {
                wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends up to 100 unsent letters in order; each is marked sent only once the broker has it. */
    int publishPending() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<long[]> done = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT id, source_topic, source_partition, source_offset, record_key, record_value, headers::text,
                               reason FROM dead_letter WHERE sent_at IS NULL ORDER BY id LIMIT 100
                        FOR UPDATE SKIP LOCKED""");
                        ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ProducerRecord<String, String> out = new ProducerRecord<>(config.deadLetterTopic(),
                                rs.getString(5), rs.getString(6));
                        for (JsonNode header : mapper.readTree(rs.getString(7))) {
                            out.headers().add(header.get(0).asText(), Base64.getDecoder().decode(header.get(1).asText()));
                        }
                        out.headers().add("dlq_reason", rs.getString(8).getBytes(StandardCharsets.UTF_8));
                        out.headers().add("dlq_topic", rs.getString(2).getBytes(StandardCharsets.UTF_8));
                        out.headers().add("dlq_partition", Integer.toString(rs.getInt(3)).getBytes(StandardCharsets.UTF_8));
                        out.headers().add("dlq_offset", Long.toString(rs.getLong(4)).getBytes(StandardCharsets.UTF_8));
                        producer().send(out).get(30, TimeUnit.SECONDS);
                        done.add(new long[] { rs.getLong(1) });
                        sent.increment();
                    }
                } finally {
                    // Whatever reached the broker is marked, even if a later one failed, so it is not sent again.
                    if (!done.isEmpty()) {
                        try (PreparedStatement mark = c.prepareStatement("UPDATE dead_letter SET sent_at = now() WHERE id = ?")) {
                            for (long[] id : done) {
                                mark.setLong(1, id[0]);
                                mark.addBatch();
                            }
                            mark.executeBatch();
                        }
                    }
                    c.commit();
                }
                return done.size();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties());
        }
        return producer;
    }

    Map<String, Object> producerProperties() {
        Map<String, Object> props = new java.util.HashMap<>(config.kafka());
        props.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000", ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return props;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the dead-letter producer: %s", e);
            }
            producer = null;
        }
    }

    private String headers(ConsumerRecord<String, String> record) {
        List<List<String>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(List.of(header.key(), Base64.getEncoder().encodeToString(header.value() == null ? new byte[0] : header.value())));
        }
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
