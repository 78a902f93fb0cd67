package org.preventhub.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Referral creation at fixed arrival rates: each request encrypts the person's fields, computes the name index
 * and pseudonym, writes the referral, its first step, an access-log row and an outbox event in one transaction.
 * Properties: {@code rates} (default 100), {@code step.seconds} (default 60), {@code warmup.seconds} (default 120,
 * as for bookings: after 30 s on a fresh stack the JIT of the services still competed with the load, and the step
 * measured that rather than the service).
 */
public class ReferralSimulation extends Simulation {

    private static final String REFERRAL = System.getProperty("referral", "http://localhost:8082");
    private static final int[] RATES = Arrays.stream(System.getProperty("rates", "100").split(","))
            .mapToInt(r -> Integer.parseInt(r.trim())).toArray();
    private static final int STEP_SECONDS = Integer.getInteger("step.seconds", 60);
    private static final int WARMUP_SECONDS = Integer.getInteger("warmup.seconds", 120);
    private static final String BODY = """
            {"referrer":{"sector":"EDUCATION","contactName":"DSL","contactEmail":"dsl@school.example.org"},
             "person":{"name":"Bench Person #{n}","dateOfBirth":"2006-05-0#{day}","gender":"MALE",
                       "address":"#{n} Example Road","area":"rugby","schoolOrEmployer":"Example Academy",
                       "vulnerabilities":["neurodiversity"]},
             "concernTypes":["MIXED_UNCLEAR_UNSTABLE"],"prompt":"Benchmark referral #{n}: concerning online activity.",
             "urgency":"ROUTINE"}""";

    private final AtomicLong counter = new AtomicLong();

    private Iterator<Map<String, Object>> people() {
        return Stream.generate(() -> {
            long n = counter.incrementAndGet();
            return Map.<String, Object>of("n", n, "day", 1 + n % 9);
        }).iterator();
    }

    private PopulationBuilder step(String name, int rate, int seconds) {
        return scenario(name).feed(people())
                .exec(http(name).post("/referrals").body(StringBody(BODY)).check(status().is(201)))
                .injectOpen(constantUsersPerSec(rate).during(seconds));
    }

    {
        java.util.function.Supplier<String> token = Stack.renewingUserToken("referrer-police");
        PopulationBuilder chain = step("warm-up", 50, WARMUP_SECONDS);
        for (int rate : RATES) {
            chain = chain.andThen(step("refer @" + rate + "/s", rate, STEP_SECONDS));
        }
        setUp(chain).protocols(http.baseUrl(REFERRAL).authorizationHeader(session -> "Bearer " + token.get())
                .contentTypeHeader("application/json").shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }
}
