package org.preventhub.testing.infra;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One PostgreSQL, one Kafka broker and one identity provider per test JVM, started on first use and shared by
 * every test class (Quarkus starts the application once for them all).
 */
public final class TestInfrastructure {

    public static final String DATABASE = "hub";
    private static final String STARTED_BY = "org.preventhub.testing.started-by";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static TestIdentityProvider identity;

    private TestInfrastructure() {
    }

    public static synchronized void ensureStarted() {
        if (postgres != null) {
            return;
        }
        // Quarkus loads test resources and tests through one class loader today; fail loudly if that changes,
        // rather than start a second set of servers that tests and application would not share.
        if (System.getProperty(STARTED_BY) != null) {
            throw new IllegalStateException("Test infrastructure was started by another class loader: "
                    + System.getProperty(STARTED_BY));
        }
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "embedded", UUID.randomUUID().toString());
        postgres = PostgresServer.start(root.resolve("postgres"), FreePorts.next(), true);
        postgres.createDatabase(DATABASE);
        kafka = KafkaBroker.start(root.resolve("kafka"), FreePorts.next(), FreePorts.next());
        identity = TestIdentityProvider.start();
        System.setProperty(STARTED_BY, String.valueOf(TestInfrastructure.class.getClassLoader()));
    }

    public static PostgresServer postgres() {
        ensureStarted();
        return postgres;
    }

    public static KafkaBroker kafka() {
        ensureStarted();
        return kafka;
    }

    public static TestIdentityProvider identity() {
        ensureStarted();
        return identity;
    }
}
