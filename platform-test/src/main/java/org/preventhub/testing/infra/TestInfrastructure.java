package org.preventhub.testing.infra;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One PostgreSQL, one Kafka broker, one identity provider and one SMTP server per test JVM, each started on first use and shared
 * by every test class (Quarkus starts the application once for them all). A module that needs only some of them
 * (the gateway needs no database) starts only those.
 */
public final class TestInfrastructure {

    public static final String DATABASE = "hub";
    private static final String STARTED_BY = "org.preventhub.testing.started-by";

    private static Path root;
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static TestIdentityProvider identity;
    private static MailServer mail;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(root().resolve("postgres"), FreePorts.next(), true);
            postgres.createDatabase(DATABASE);
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(root().resolve("kafka"), FreePorts.next(), FreePorts.next());
        }
        return kafka;
    }

    public static synchronized TestIdentityProvider identity() {
        if (identity == null) {
            identity = TestIdentityProvider.start();
        }
        return identity;
    }

    /** An SMTP server for the services that send mail; tests read what arrived. */
    public static synchronized MailServer mail() {
        if (mail == null) {
            mail = MailServer.start(FreePorts.next());
        }
        return mail;
    }

    private static Path root() {
        if (root == null) {
            // Quarkus loads test resources and tests through one class loader today; fail loudly if that
            // changes, rather than start a second set of servers that tests and application would not share.
            if (System.getProperty(STARTED_BY) != null) {
                throw new IllegalStateException("Test infrastructure was started by another class loader: "
                        + System.getProperty(STARTED_BY));
            }
            System.setProperty(STARTED_BY, String.valueOf(TestInfrastructure.class.getClassLoader()));
            root = Path.of(System.getProperty("java.io.tmpdir"), "embedded", UUID.randomUUID().toString());
        }
        return root;
    }
}
