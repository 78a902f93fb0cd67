package org.preventhub.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's Kafka producer: its settings, the CloudEvent (binary mode) each outbox row becomes, and a fresh
 * producer after a failure, so nothing the failed one still buffered reaches Kafka behind the failed record.
 */
final class RelayProducer {

    private final OutboxConfig config;
    private final String kafkaBootstrapServers;
    private final Function<Map<String, Object>, Producer<String, String>> producers;
    private Producer<String, String> producer;

    RelayProducer(OutboxConfig config, String kafkaBootstrapServers,
            Function<Map<String, Object>, Producer<String, String>> producers) {
        this.config = config;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.producers = producers;
    }

    /** The producer to send with, made on first use after start or after {@link #discard()}. */
    synchronized Producer<String, String> current() {
        if (producer == null) {
            producer = producers.apply(properties());
        }
        return producer;
    }

    /** Aborts whatever the producer still buffers or retries: none of it may arrive after a record that failed. */
    synchronized void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** Lets buffered records finish, for a clean stop. */
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    ProducerRecord<String, String> record(OutboxRelay.Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(config.topic(), row.aggregateId(), row.payload());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.id().toString());
        header(record, "ce_source", config.source());
        header(record, "ce_type", row.type());
        header(record, "ce_subject", row.aggregateType() + "/" + row.aggregateId());
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(record, "ce_partitionkey", row.aggregateId());
        header(record, "content-type", "application/json");
        // The writer's trace, under the W3C names that OpenTelemetry's Kafka instrumentations read (the CloudEvents
        // distributed-tracing extension defers to a protocol's own tracing headers).
        if (row.traceparent() != null) {
            header(record, "traceparent", row.traceparent());
            if (row.tracestate() != null) {
                header(record, "tracestate", row.tracestate());
            }
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.relay().bootstrapServers().orElse(kafkaBootstrapServers));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        // zstd takes its buffers from a pool; lz4 allocated two fresh 64 KB blocks per batch, which at one small
        // event per batch was a third of a service's allocation and so of its young collections.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.topic());
        props.putAll(config.relay().producer());
        // Not overridable: these are what "no lost, no duplicated, in order" rests on.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }
}
