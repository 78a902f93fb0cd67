package org.preventhub.reporting.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.preventhub.reporting.config.ReportingConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Events that cannot be projected go to the dead-letter topic: the original key, value and headers, plus
 * {@code dlq_reason}, {@code dlq_topic}, {@code dlq_partition} and {@code dlq_offset}, so someone can look, fix
 * and replay. Consumption never stops on one bad event.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final ReportingConfig config;
    private final String bootstrapServers;
    private final Counter counter;
    private KafkaProducer<String, String> producer;

    public DeadLetters(ReportingConfig config, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.counter = registry.counter("reporting.events.dead-lettered");
    }

    public synchronized void send(List<Projector.DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        try {
            for (Projector.DeadLetter letter : letters) {
                var record = letter.record();
                ProducerRecord<String, String> out = new ProducerRecord<>(config.deadLetterTopic(), record.key(), record.value());
                for (Header header : record.headers()) {
                    out.headers().add(header);
                }
                out.headers().add("dlq_reason", letter.reason().getBytes(StandardCharsets.UTF_8));
                out.headers().add("dlq_topic", record.topic().getBytes(StandardCharsets.UTF_8));
                out.headers().add("dlq_partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
                out.headers().add("dlq_offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
                producer.send(out).get(30, TimeUnit.SECONDS);
                counter.increment();
                LOG.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), letter.reason());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Dead letters could not be sent", e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
