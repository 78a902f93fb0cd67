package org.preventhub.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a topic from its beginning, as a consumer service would, and decodes CloudEvents in binary mode.
 * Each call uses a fresh consumer, so tests see exactly what is on the topic.
 */
public final class KafkaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaEvents() {
    }

    /** Waits until {@code count} events match, then returns every match seen (more than count means duplicates). */
    public static List<ReceivedEvent> await(String topic, Predicate<ReceivedEvent> filter, int count, Duration timeout) {
        List<ReceivedEvent> matches = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            assignFromBeginning(consumer, topic, deadline);
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    ReceivedEvent event = decode(record);
                    if (filter.test(event)) {
                        matches.add(event);
                    }
                }
                if (matches.size() >= count && settleUntil == Long.MAX_VALUE) {
                    // Keep reading briefly so a duplicate sent right behind would be caught too.
                    settleUntil = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
            }
        }
        if (matches.size() < count) {
            throw new AssertionError("Expected " + count + " matching events on " + topic + " within " + timeout
                    + " but saw " + matches.size() + ": " + matches.stream().map(ReceivedEvent::type).toList());
        }
        return matches;
    }

    /** Events of one aggregate (message key), in the order they were sent. */
    public static List<ReceivedEvent> forKey(String topic, String key, int count, Duration timeout) {
        return await(topic, event -> key.equals(event.key()), count, timeout);
    }

    private static void assignFromBeginning(KafkaConsumer<String, String> consumer, String topic, long deadline) {
        List<PartitionInfo> partitions = List.of();
        while (System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions != null && !partitions.isEmpty()) {
                break;
            }
            sleep(200);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new AssertionError("Topic " + topic + " does not exist");
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static ReceivedEvent decode(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        com.fasterxml.jackson.databind.JsonNode data;
        try {
            data = record.value() == null ? null : JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            // Dead letters may hold anything: keep the raw text.
            data = com.fasterxml.jackson.databind.node.TextNode.valueOf(record.value());
        }
        return new ReceivedEvent(record.key(), headers.get("ce_id"), headers.get("ce_type"), headers.get("ce_source"),
                headers.get("ce_subject"), headers.get("ce_time"), headers, data, record.partition(), record.offset());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
