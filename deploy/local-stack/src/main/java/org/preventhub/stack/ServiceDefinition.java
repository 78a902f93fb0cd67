package org.preventhub.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * A service of the suite as the local stack runs it: its Maven module, its port and its own database
 * (null for the gateway, which has none).
 */
public record ServiceDefinition(String name, String module, int port, String database) {

    /** Every service the suite has or will have; the stack starts those that are built. */
    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("training-service", "training-service", 8081, "training"),
            new ServiceDefinition("referral-service", "referral-service", 8082, "referral"),
            new ServiceDefinition("engagement-service", "engagement-service", 8083, "engagement"),
            new ServiceDefinition("reporting-service", "reporting-service", 8084, "reporting"),
            new ServiceDefinition("gateway", "gateway", 8080, null));

    public Path application(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public ServiceDefinition withPort(int newPort) {
        return new ServiceDefinition(name, module, newPort, database);
    }
}
