package org.preventhub.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The last step of a batch: its offsets committed once its projection is in the database. Apart from the
 * consumer so that a test can put a crash in exactly this gap (a test-only alternative of this bean).
 */
@ApplicationScoped
public class OffsetCommit {

    public void commit(KafkaConsumer<String, String> kafka) {
        kafka.commitSync();
    }
}
