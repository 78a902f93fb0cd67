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
        boolean loadDemoData,
        String webOrigin,
        int tracesPort) {

    /** No trace receiver: the services export no spans (the benchmarks measure without tracing). */
    public static final int NO_TRACES = 0;

    /** The web frontend's origin as the realm file and the gateway's default CORS setting name it. */
    public static final String DEFAULT_WEB_ORIGIN = "http://localhost:3000";

    public StackConfig(Path root, Path state, int postgresPort, int kafkaPort, int kafkaControllerPort, int keycloakPort,
            int keycloakManagementPort, int smtpPort, int mailboxPort, List<ServiceDefinition> services,
            boolean loadDemoData) {
        this(root, state, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort, keycloakManagementPort, smtpPort,
                mailboxPort, services, loadDemoData, DEFAULT_WEB_ORIGIN, NO_TRACES);
    }

    /**
     * The same stack with the web frontend served from another origin (a test's page on a free port): the realm's
     * redirect URIs and web origins and the gateway's CORS origins follow it.
     */
    public StackConfig withWebOrigin(String origin) {
        return new StackConfig(root, state, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                keycloakManagementPort, smtpPort, mailboxPort, services, loadDemoData, origin, tracesPort);
    }

    /** The same stack with every service's spans sent to the stack's trace receiver on {@code port} (OTLP/HTTP). */
    public StackConfig withTracesPort(int port) {
        return new StackConfig(root, state, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                keycloakManagementPort, smtpPort, mailboxPort, services, loadDemoData, webOrigin, port);
    }

    public boolean traced() {
        return tracesPort != NO_TRACES;
    }

    public static StackConfig defaults(Path root) {
        return new StackConfig(root, root.resolve(".stack"), 15432, 19092, 19093, 18080, 19000,
                13025, 13080, ServiceDefinition.ALL, true).withTracesPort(14318);
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
