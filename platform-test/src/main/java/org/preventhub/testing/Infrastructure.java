package org.preventhub.testing;

import org.preventhub.testing.infra.PostgresServer;
import org.preventhub.testing.infra.TestInfrastructure;

/** What a test can do to the real infrastructure under the service: stop and restart Kafka, reach the database. */
public final class Infrastructure {

    private Infrastructure() {
    }

    public static String jdbcUrl() {
        return TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE);
    }

    public static String databaseUser() {
        return PostgresServer.USER;
    }

    public static String kafkaBootstrapServers() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    /** Shuts the broker down, as an outage would. */
    public static void stopKafka() {
        TestInfrastructure.kafka().stop();
    }

    public static void startKafka() {
        TestInfrastructure.kafka().start();
    }
}
