package org.preventhub.gateway.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The services' health for operators at {@code /q/health/well}; not readiness, which is the gateway's own. */
@ApplicationScoped
@Wellness
public class ServicesWellnessCheck implements AsyncHealthCheck {

    private final ServicesHealth health;

    public ServicesWellnessCheck(ServicesHealth health) {
        this.health = health;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> health.check().toCompletionStage()).map(statuses -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("services");
            statuses.forEach(s -> builder.withData(s.name(), !s.up() ? "DOWN (circuit " + s.breaker() + ")"
                    : s.instancesUp() < s.instances() ? "UP (" + s.instancesUp() + " of " + s.instances() + " instances)" : "UP"));
            return builder.status(statuses.stream().allMatch(ServicesHealth.ServiceStatus::up)).build();
        });
    }
}
