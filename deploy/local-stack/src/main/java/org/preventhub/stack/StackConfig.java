package org.preventhub.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the stack keeps its state and which ports it uses. The defaults stay clear of the usual ports
 * (5432, 9092, 8080 are often taken by other programs); the integration test picks free ones.
 */
public record StackConfig(
        Path root,
        Path state,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        int smtpPort,
        int mailboxPort,
        List<ServiceDefinition> services,
        boolean loadDemoData) {

    public static StackConfig defaults(Path root) {
        return new StackConfig(root, root.resolve(".stack"), 15432, 19092, 19093, 18080, 19000,
                13025, 13080, ServiceDefinition.ALL, true);
    }

    public Path logs() {
        return state.resolve("logs");
    }

    public String issuer() {
        return "http://localhost:" + keycloakPort + "/realms/prevent-hub";
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }
}
