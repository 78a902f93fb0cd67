package org.preventhub.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Arrays;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What the gateway costs: the same read of a training session, at the same fixed arrival rate, straight to the
 * training service and through the gateway, both at once in each step so they share the machine's conditions.
 * The report names each side per rate ("direct @200/s", "gateway @200/s"); the added p50 is the difference of
 * their medians and the throughput ratio that of their successful responses.
 *
 * <p>Properties: {@code rates} (comma-separated, default 200), {@code step.seconds} (default 60).
 */
public class GatewaySimulation extends Simulation {

    private static final int[] RATES = Arrays.stream(System.getProperty("rates", "200").split(","))
            .mapToInt(r -> Integer.parseInt(r.trim())).toArray();
    private static final int STEP_SECONDS = Integer.getInteger("step.seconds", 60);
    private static final int WARMUP_SECONDS = Integer.getInteger("warmup.seconds", 60);

    private final java.util.function.Supplier<String> token = Stack.renewingClientToken("booking-website", "booking-website-secret");
    private final String session = Stack.bookableSession(10);

    private final HttpProtocolBuilder protocol = http
            .authorizationHeader(session -> "Bearer " + token.get())
            .acceptHeader("application/json")
            .shareConnections();

    private PopulationBuilder side(String name, String url, int rate, int seconds) {
        return scenario(name).exec(http(name).get(url).check(status().is(200)))
                .injectOpen(constantUsersPerSec(rate).during(seconds));
    }

    {
        String direct = Stack.TRAINING + "/sessions/" + session;
        String gateway = Stack.GATEWAY + "/api/training/sessions/" + session;
        setUp(side("warm-up direct", direct, 100, WARMUP_SECONDS).andThen(step(0, direct, gateway)),
                side("warm-up gateway", gateway, 100, WARMUP_SECONDS)).protocols(protocol);
    }

    /**
     * A step's two sides, started together; the next step hangs off the direct side (of the same length), so
     * both its sides start when this step ends. Gatling's builders are immutable, hence built from the end.
     */
    private PopulationBuilder[] step(int index, String direct, String gateway) {
        int rate = RATES[index];
        PopulationBuilder directSide = side("direct @" + rate + "/s", direct, rate, STEP_SECONDS);
        if (index + 1 < RATES.length) {
            directSide = directSide.andThen(step(index + 1, direct, gateway));
        }
        return new PopulationBuilder[] { directSide, side("gateway @" + rate + "/s", gateway, rate, STEP_SECONDS) };
    }
}
