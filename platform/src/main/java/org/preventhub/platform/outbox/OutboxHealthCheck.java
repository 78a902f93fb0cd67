package org.preventhub.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * The relay thread is alive. A Kafka outage does not make the service unhealthy: writes keep working and
 * events wait in the outbox; the backlog and the last failure are shown here and as metrics.
 */
@Liveness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    public OutboxHealthCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox-relay")
                .status(!config.relay().enabled() || relay.isRunning())
                .withData("topic", config.topic())
                .withData("pending", relay.pending())
                .withData("lastSuccess", relay.lastSuccess().toString());
        if (relay.lastFailure() != null) {
            builder.withData("lastFailure", relay.lastFailure());
        }
        return builder.build();
    }
}
