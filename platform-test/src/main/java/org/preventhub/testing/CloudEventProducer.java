package org.preventhub.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Publishes events to the test broker as the services' outbox relays do (CloudEvents in binary mode, key = the
 * aggregate id), so a consumer can be tested against the contract records without running the producers.
 */
public final class CloudEventProducer {

    private static KafkaProducer<String, String> producer;

    private CloudEventProducer() {
    }

    /** @return the event id */
    public static String publish(String topic, String type, String key, Object payload) {
        String id = UUID.randomUUID().toString();
        publish(topic, type, key, payload, id, Instant.now());
        return id;
    }

    public static void publish(String topic, String type, String key, Object payload, String id, Instant time) {
        try {
            send(topic, key, JsonBodies.MAPPER.writeValueAsString(payload), Map.of("ce_specversion", "1.0", "ce_id", id,
                    "ce_type", type, "ce_source", "/prevent-hub/test", "ce_time", time.toString(),
                    "content-type", "application/json"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** As a producer's relay sends an event written in a traced request: with its traceparent header. */
    public static String publishTraced(String topic, String type, String key, Object payload, String traceparent) {
        String id = UUID.randomUUID().toString();
        try {
            send(topic, key, JsonBodies.MAPPER.writeValueAsString(payload), Map.of("ce_specversion", "1.0", "ce_id", id,
                    "ce_type", type, "ce_source", "/prevent-hub/test", "ce_time", Instant.now().toString(),
                    "content-type", "application/json", "traceparent", traceparent));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return id;
    }

    /** Anything at all, for poison-message tests. */
    public static synchronized void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }
}
