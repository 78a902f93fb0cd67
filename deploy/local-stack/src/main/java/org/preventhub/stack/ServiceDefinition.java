package org.preventhub.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the suite as the local stack runs it: its Maven module, its port, the port of its management
 * interface (health, metrics, OpenAPI) and its own database (null for the gateway, which has none).
 */
public record ServiceDefinition(String name, String module, int port, int managementPort, String database) {

    /** Every service the suite has or will have; the stack starts those that are built. */
    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("training-service", "training-service", 8081, 9081, "training"),
            new ServiceDefinition("referral-service", "referral-service", 8082, 9082, "referral"),
            new ServiceDefinition("engagement-service", "engagement-service", 8083, 9083, "engagement"),
            new ServiceDefinition("reporting-service", "reporting-service", 8084, 9084, "reporting"),
            new ServiceDefinition("gateway", "gateway", 8080, 9080, null));

    public Path application(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public ServiceDefinition withPorts(int newPort, int newManagementPort) {
        return new ServiceDefinition(name, module, newPort, newManagementPort, database);
    }

    /** Where its health, metrics and OpenAPI answer, e.g. {@code http://localhost:9081/q/health/ready}. */
    public String management(String path) {
        return "http://localhost:" + managementPort + path;
    }
}
