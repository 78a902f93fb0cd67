package org.preventhub.reporting.projection;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The offset commit for tests: it can crash the consumer right after a batch's database commit and before its
 * offset commit, as a process killed there would (the Kafka consumer closed, nothing more committed). The consumer
 * then starts over from the committed offsets, as a restarted process does.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashingOffsetCommit extends OffsetCommit {

    private volatile CompletableFuture<Void> crashAfterCommit;

    /** Completes once the consumer has stopped after its next database commit, its offsets uncommitted. */
    public CompletableFuture<Void> crashAfterNextDatabaseCommit() {
        CompletableFuture<Void> crashed = new CompletableFuture<>();
        crashAfterCommit = crashed;
        return crashed;
    }

    @Override
    public void commit(KafkaConsumer<String, String> kafka) {
        CompletableFuture<Void> crash = crashAfterCommit;
        if (crash == null) {
            super.commit(kafka);
            return;
        }
        crashAfterCommit = null;
        kafka.close(); // leaves the group without committing (auto-commit is off)
        crash.complete(null);
        throw new IllegalStateException("simulated crash between the database commit and the offset commit");
    }
}
