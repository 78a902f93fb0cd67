package org.preventhub.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.preventhub.testing.infra.PostgresServer;

/**
 * The scale-out failure test ({@code ./benchmarks/run scale-out}): the scale-out stack under a steady load of
 * bookings and referrals created through both gateways, each with an Idempotency-Key and retried as a client
 * would; part way through, instance 1 of every service (gateway included) and one Kafka node are killed (SIGKILL).
 * Then it checks, and prints: every create answered 201 exists exactly once; a key sent again to the other
 * gateway (so another instance) answers the same; reporting projected every event once (its fact counts equal the
 * 201s); each aggregate's events reached Kafka in their outbox order (first arrivals; copies counted). Exits 1 on
 * any failed check. Properties: {@code seconds} (120), {@code kill.at} (40), {@code bookings.rate} (20/s),
 * {@code referrals.rate} (10/s).
 */
public final class ScaleOutBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int SECONDS = Integer.getInteger("seconds", 120);
    private static final int KILL_AT = Integer.getInteger("kill.at", 40);
    private static final int BOOKINGS_RATE = Integer.getInteger("bookings.rate", 20);
    private static final int REFERRALS_RATE = Integer.getInteger("referrals.rate", 10);

    /** One create as the client saw it: the ids its answers named (one, if idempotency holds). */
    private record Create(String kind, String key, Set<String> ids, AtomicInteger attempts) {
    }

    private final LocalStack stack;
    private final StackConfig config;
    private final Tokens tokens;
    private final List<String> gateways;
    private final Map<String, Create> creates = new ConcurrentHashMap<>();
    private final AtomicInteger crossInstanceReplays = new AtomicInteger();
    private final AtomicInteger crossInstanceMismatches = new AtomicInteger();
    private final AtomicInteger failedCreates = new AtomicInteger();
    /** Sessions take at most 1,000 seats: enough of them for every booking the load sends. */
    private final List<String> sessions = new ArrayList<>();
    private final AtomicInteger bookingsSent = new AtomicInteger();

    private ScaleOutBenchmark(LocalStack stack, StackConfig config) {
        this.stack = stack;
        this.config = config;
        this.tokens = new Tokens(config.issuer());
        this.gateways = stack.instances("gateway").stream().map(g -> "http://localhost:" + g.port() + "/api").toList();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("prevent-hub.root", ".")).toAbsolutePath().normalize();
        StackConfig defaults = StackConfig.defaults(root);
        StackConfig config = new StackConfig(root, root.resolve("benchmarks/target/scale-out-stack"),
                defaults.postgresPort(), defaults.kafkaPort(), defaults.kafkaControllerPort(), defaults.keycloakPort(),
                defaults.keycloakManagementPort(), defaults.smtpPort(), defaults.mailboxPort(), defaults.services(), false);
        KeycloakServer.deleteRecursively(config.state());
        long started = System.nanoTime();
        boolean passed;
        try (LocalStack stack = LocalStack.start(config, Topology.SCALE_OUT)) {
            System.out.printf("▸ scale-out stack up in %d s: %s%n", (System.nanoTime() - started) / 1_000_000_000,
                    stack.kafkaBootstrapServers());
            passed = new ScaleOutBenchmark(stack, config).run();
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        for (int i = 0; i < BOOKINGS_RATE * SECONDS / 900 + 1; i++) {
            sessions.add(setUpSession());
        }
        ExecutorService clients = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        boolean killed = false;
        long tick = 0;
        int perTick = BOOKINGS_RATE + REFERRALS_RATE;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(SECONDS)) {
            for (int i = 0; i < BOOKINGS_RATE; i++) {
                clients.submit(() -> create("booking"));
            }
            for (int i = 0; i < REFERRALS_RATE; i++) {
                clients.submit(() -> create("referral"));
            }
            tick++;
            if (!killed && System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(KILL_AT)) {
                killed = true;
                for (String service : List.of("training-service", "referral-service", "engagement-service",
                        "reporting-service", "gateway")) {
                    stack.kill(service, 0);
                }
                stack.killKafkaNode(0);
                System.out.printf("▸ %d s: killed (SIGKILL) instance 1 of every service and Kafka node 1%n", KILL_AT);
            }
            long next = start + tick * 1_000_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        System.out.printf("▸ load done: %d creates sent at %d/s for %d s%n", creates.size(), perTick, SECONDS);
        return check();
    }

    private String setUpSession() {
        ApiClient api = new ApiClient(tokens);
        String training = "http://localhost:" + stack.instances("training-service").get(0).port();
        String code = "SCALE-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        String course = api.post(training + "/courses", "trainer", Map.of("code", code, "title", "Scale-out course",
                "priority", "AWARENESS_LEARNING", "audience", "Benchmark", "durationMinutes", 60,
                "modes", List.of("ONLINE"))).get("id").asText();
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.now().plusDays(60).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("courseId", course);
        body.put("startsAt", starts.toString());
        body.put("endsAt", starts.plusHours(1).toString());
        body.put("mode", "ONLINE");
        body.put("onlineLink", "https://meet.example.org/scale-out");
        body.put("area", "county-wide");
        body.put("capacity", 1000);
        body.put("access", "OPEN");
        body.put("audienceSector", "OTHER");
        return api.post(training + "/sessions", "trainer", body).get("id").asText();
    }

    /** One create with its own key, retried with that key (on either gateway) until answered, as a client does. */
    private void create(String kind) {
        String key = UUID.randomUUID().toString();
        Create create = new Create(kind, key, ConcurrentHashMap.newKeySet(), new AtomicInteger());
        creates.put(key, create);
        String body = kind.equals("booking")
                ? "{\"name\":\"Scale Attendee\",\"email\":\"scale-" + key.substring(0, 13) + "@example.org\",\"sector\":\"BUSINESS\"}"
                : """
                        {"referrer":{"sector":"EDUCATION","contactName":"DSL","contactEmail":"dsl@school.example.org"},
                         "person":{"name":"Scale Person","dateOfBirth":"2006-05-03","gender":"MALE",
                                   "address":"1 Example Road","area":"rugby","schoolOrEmployer":"Example Academy",
                                   "vulnerabilities":["neurodiversity"]},
                         "concernTypes":["MIXED_UNCLEAR_UNSTABLE"],"prompt":"Scale-out referral.","urgency":"ROUTINE"}""";
        String path = kind.equals("booking")
                ? "/training/sessions/" + sessions.get(bookingsSent.getAndIncrement() / 900 % sessions.size()) + "/bookings"
                : "/referrals/referrals";
        String role = kind.equals("booking") ? "booking" : "referrer";
        int gateway = Math.floorMod(key.hashCode(), gateways.size());
        for (int attempt = 0; attempt < 12; attempt++) {
            create.attempts().incrementAndGet();
            String id = send(gateways.get((gateway + attempt) % gateways.size()) + path, role, key, body, null);
            if (id != null) {
                create.ids().add(id);
                // Some clients retry an answered create anyway: through the other gateway, so another instance.
                if (ThreadLocalRandom.current().nextInt(10) == 0) {
                    String again = send(gateways.get((gateway + attempt + 1) % gateways.size()) + path, role, key, body,
                            "true");
                    if (again != null) {
                        crossInstanceReplays.incrementAndGet();
                        create.ids().add(again);
                        if (!again.equals(id)) {
                            crossInstanceMismatches.incrementAndGet();
                        }
                    }
                }
                return;
            }
            sleep(250L * (attempt + 1));
        }
        failedCreates.incrementAndGet();
    }

    /** @return the created record's id (its Location's last segment) when answered 201, else null */
    private String send(String url, String role, String key, String body, String expectReplayed) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.forRole(role))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                return null;
            }
            if (expectReplayed != null && !response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) {
                crossInstanceMismatches.incrementAndGet();
            }
            String location = response.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        } catch (java.io.IOException e) {
            return null; // connection refused or broken: the instance (or gateway) is gone; retried
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean check() throws Exception {
        List<String> bookings = answered("booking");
        List<String> referrals = answered("referral");
        boolean ok = true;
        long multipleIds = creates.values().stream().filter(c -> c.ids().size() > 1).count();
        long retried = creates.values().stream().filter(c -> c.attempts().get() > 1).count();
        System.out.printf("▸ 201s: %d bookings, %d referrals; %d creates retried by the client, %d never answered 201%n",
                bookings.size(), referrals.size(), retried, failedCreates.get());
        ok &= report("a key answers one id, on every instance", multipleIds == 0 && crossInstanceMismatches.get() == 0,
                crossInstanceReplays.get() + " keys sent again through the other gateway, " + crossInstanceMismatches.get()
                        + " answered differently; " + multipleIds + " keys with two ids");
        String[] sessionIds = sessions.toArray(String[]::new);
        long storedBookings = count("training", "SELECT count(*) FROM booking WHERE session_id::text = ANY(?)", (Object) sessionIds);
        long storedReferrals = count("referral", "SELECT count(*) FROM referral");
        ok &= report("every 201 exists exactly once", storedBookings == bookings.size()
                && storedReferrals == referrals.size() && existing("training", "booking", bookings) == bookings.size()
                && existing("referral", "referral", referrals) == referrals.size(),
                "bookings stored " + storedBookings + ", referrals stored " + storedReferrals);

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long projectedBookings = -1;
        long projectedReferrals = -1;
        while (System.nanoTime() < deadline) {
            String schema = activeSchema();
            projectedBookings = count("reporting", "SELECT count(*) FROM " + schema
                    + ".booking_fact WHERE session_id::text = ANY(?)", (Object) sessionIds);
            projectedReferrals = count("reporting", "SELECT count(*) FROM " + schema + ".referral_fact");
            if (projectedBookings == bookings.size() && projectedReferrals == referrals.size()
                    && pending("training") == 0 && pending("referral") == 0) {
                break;
            }
            sleep(2_000);
        }
        ok &= report("outbox drained by the surviving relays", pending("training") == 0 && pending("referral") == 0,
                "unpublished: training " + pending("training") + ", referral " + pending("referral"));
        ok &= report("reporting counts each create once (facts = 201s)", projectedBookings == bookings.size()
                && projectedReferrals == referrals.size(),
                "booking facts " + projectedBookings + ", referral facts " + projectedReferrals);
        for (String service : List.of("training", "referral")) {
            ok &= checkOrder(service);
        }
        System.out.println(ok ? "▸ scale-out: every check passed" : "▸ scale-out: a check FAILED");
        return ok;
    }

    /** Each aggregate's events on its topic, first arrivals, in their outbox order; every outbox event projected. */
    private boolean checkOrder(String service) throws SQLException {
        Map<String, List<String>> outbox = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(service); PreparedStatement select = c.prepareStatement(
                "SELECT aggregateid, id::text FROM outbox_event ORDER BY position");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                outbox.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                ids.add(rs.getString(2));
            }
        }
        Map<String, List<String>> arrived = new HashMap<>();
        int records = 0;
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrapServers());
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            String topic = service + ".events";
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                    List<String> seen = arrived.computeIfAbsent(record.key(), k -> new ArrayList<>());
                    if (!seen.contains(id)) {
                        seen.add(id);
                    }
                }
            }
        }
        long outOfOrder = outbox.entrySet().stream().filter(e -> !e.getValue().equals(arrived.get(e.getKey()))).count();
        int distinct = arrived.values().stream().mapToInt(List::size).sum();
        boolean ordered = report(service + ".events: every event, in order per aggregate", outOfOrder == 0,
                ids.size() + " outbox events, " + distinct + " distinct on the topic (" + (records - distinct)
                        + " copies sent again after the kill), " + outOfOrder + " aggregates out of order");
        String schema = activeSchema();
        long projected = count("reporting", "SELECT count(*) FROM " + schema + ".processed_event WHERE id = ANY(?)",
                (Object) ids.toArray(String[]::new));
        return ordered & report(service + " events projected by reporting", projected == ids.size(),
                projected + " of " + ids.size() + " recorded once in processed_event");
    }

    private List<String> answered(String kind) {
        return creates.values().stream().filter(c -> c.kind().equals(kind) && !c.ids().isEmpty())
                .map(c -> c.ids().iterator().next()).toList();
    }

    private static boolean report(String what, boolean ok, String detail) {
        System.out.printf("  %-4s %-52s %s%n", ok ? "ok" : "FAIL", what, detail);
        return ok;
    }

    private long existing(String database, String table, List<String> ids) throws SQLException {
        return count(database, "SELECT count(*) FROM " + table + " WHERE id::text = ANY(?)", (Object) ids.toArray(String[]::new));
    }

    private long pending(String database) throws SQLException {
        return count(database, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
    }

    private String activeSchema() throws SQLException {
        try (Connection c = connect("reporting"); PreparedStatement select = c.prepareStatement(
                "SELECT active_schema FROM projection_state WHERE id = 1"); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] array) {
                    statement.setArray(i + 1, c.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(database), PostgresServer.USER, "");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
