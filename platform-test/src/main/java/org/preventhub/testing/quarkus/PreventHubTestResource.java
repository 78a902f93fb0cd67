package org.preventhub.testing.quarkus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.preventhub.testing.infra.PostgresServer;
import org.preventhub.testing.infra.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the real embedded PostgreSQL, Kafka broker and identity provider.
 * Registered through {@code META-INF/services}, so every {@code @QuarkusTest} in a module that depends on
 * platform-test gets it with no further annotation, and the application starts once for all test classes.
 * A module that needs fewer servers names them in the system property {@value #NEEDS} (e.g. the gateway:
 * {@code identity}); the default is all three. A module that sends mail adds {@code mail}: an SMTP server whose
 * messages tests read through {@code TestInfrastructure.mail()}.
 */
public class PreventHubTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String NEEDS = "prevent-hub.test.infrastructure";

    @Override
    public Map<String, String> start() {
        List<String> needs = List.of(System.getProperty(NEEDS, "postgres,kafka,identity").split("\\s*,\\s*"));
        Map<String, String> config = new HashMap<>();
        if (needs.contains("postgres")) {
            config.put("quarkus.datasource.jdbc.url", TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", "");
        }
        if (needs.contains("kafka")) {
            config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        }
        if (needs.contains("identity")) {
            config.put("quarkus.oidc.auth-server-url", TestInfrastructure.identity().issuer());
        }
        if (needs.contains("mail")) {
            // The embedded SMTP server, never a real one: mock off, so the mailer really speaks SMTP to it.
            config.put("quarkus.mailer.host", TestInfrastructure.mail().host());
            config.put("quarkus.mailer.port", Integer.toString(TestInfrastructure.mail().port()));
            config.put("quarkus.mailer.mock", "false");
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the test JVM: other test classes may still need them.
    }
}
