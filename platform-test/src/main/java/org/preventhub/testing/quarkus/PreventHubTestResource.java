package org.preventhub.testing.quarkus;

import java.util.Map;

import org.preventhub.testing.infra.PostgresServer;
import org.preventhub.testing.infra.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the real embedded PostgreSQL, Kafka broker and identity provider.
 * Registered through {@code META-INF/services}, so every {@code @QuarkusTest} in a module that depends on
 * platform-test gets it with no further annotation, and the application starts once for all test classes.
 */
public class PreventHubTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestInfrastructure.postgres().jdbcUrl(TestInfrastructure.DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "quarkus.oidc.auth-server-url", TestInfrastructure.identity().issuer());
    }

    @Override
    public void stop() {
        // The servers live as long as the test JVM: other test classes may still need them.
    }
}
