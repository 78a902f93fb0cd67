package org.preventhub.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A deployment's Kafka login (hub.reporting.kafka.*) reaches every client reporting makes, and cannot undo its safety. */
@QuarkusTest
class KafkaClientPropertiesTest {

    @Inject
    ProjectionConsumer consumer;

    @Inject
    DeadLetters deadLetters;

    @Test
    void aDeploymentsKafkaPropertiesReachTheConsumersAndTheDeadLetterProducer() {
        assertThat(consumer.properties("reporting-service")).containsEntry("reconnect.backoff.ms", "75");
        assertThat(consumer.properties(null)).as("the rebuild's consumer").containsEntry("reconnect.backoff.ms", "75");
        assertThat(deadLetters.producerProperties()).containsEntry("reconnect.backoff.ms", "75");
    }

    @Test
    void offsetsStayCommittedByHandWhateverTheDeploymentSets() {
        assertThat(consumer.properties("reporting-service")).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        assertThat(deadLetters.producerProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    }
}
