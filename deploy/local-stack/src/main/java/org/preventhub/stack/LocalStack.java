package org.preventhub.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.preventhub.testing.infra.FreePorts;
import org.preventhub.testing.infra.KafkaBroker;
import org.preventhub.testing.infra.MailServer;
import org.preventhub.testing.infra.PostgresServer;

/**
 * The whole suite on one machine, on embedded defaults: PostgreSQL (data in .stack/postgres), Kafka
 * (log in .stack/kafka), Keycloak with the prevent-hub realm, and every service that is built; then the seed
 * report's year as demo data, loaded through the APIs. Ctrl-C stops everything; the next start keeps the data.
 */
public final class LocalStack implements AutoCloseable {

    private final StackConfig config;
    private final Topology topology;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KafkaCluster kafkaCluster;
    private String kafkaBootstrap;
    private ManagedProcess keycloak;
    private MailServer mail;
    private String mailbox;
    private TraceReceiver traces;
    private final List<ManagedProcess> services = new ArrayList<>();
    private final List<ServiceDefinition> running = new ArrayList<>();
    private StackSecrets secrets;

    private LocalStack(StackConfig config, Topology topology) {
        this.config = config;
        this.topology = topology;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("prevent-hub.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "start" : args[0];
        Topology topology = java.util.Arrays.asList(args).contains("--scale-out") ? Topology.SCALE_OUT : Topology.SINGLE;
        StackConfig config = StackConfig.defaults(root);
        // The benchmarks run a stack of their own: another state folder, no demo data.
        if (System.getProperty("prevent-hub.state") != null || System.getProperty("prevent-hub.demo") != null) {
            config = new StackConfig(root, Path.of(System.getProperty("prevent-hub.state", config.state().toString())),
                    config.postgresPort(), config.kafkaPort(), config.kafkaControllerPort(), config.keycloakPort(),
                    config.keycloakManagementPort(), config.smtpPort(), config.mailboxPort(), config.services(),
                    Boolean.parseBoolean(System.getProperty("prevent-hub.demo", "true")));
        }
        switch (command) {
            case "start" -> runUntilInterrupted(config, topology);
            case "reset" -> {
                KeycloakServer.deleteRecursively(config.state());
                System.out.println("Deleted " + config.state() + ": the next start begins with an empty suite.");
            }
            default -> {
                System.err.println("Usage: hub [start [--scale-out]|reset]");
                System.exit(2);
            }
        }
    }

    private static void runUntilInterrupted(StackConfig config, Topology topology) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = new LocalStack(config, topology);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the suite...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\nThe suite did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.banner());
        stopped.await();
    }

    public static LocalStack start(StackConfig config) {
        return start(config, Topology.SINGLE);
    }

    /** The stack with several instances of each part ({@link Topology#SCALE_OUT}), for the scale-out benchmark. */
    public static LocalStack start(StackConfig config, Topology topology) {
        LocalStack stack = new LocalStack(config, topology);
        try {
            stack.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void start() {
        requireFree("PostgreSQL", config.postgresPort());
        if (topology.kafkaCluster()) {
            KafkaCluster.portsOf(config.kafkaPort(), config.kafkaControllerPort()).forEach(p -> requireFree("Kafka", p));
        } else {
            requireFree("Kafka", config.kafkaPort());
            requireFree("Kafka controller", config.kafkaControllerPort());
        }
        requireFree("Keycloak", config.keycloakPort());
        requireFree("Keycloak management", config.keycloakManagementPort());
        requireFree("SMTP", config.smtpPort());
        requireFree("mailbox page", config.mailboxPort());
        if (config.traced()) {
            requireFree("trace receiver", config.tracesPort());
        }
        List<ServiceDefinition> built = config.services().stream()
                .filter(s -> Files.isRegularFile(s.application(config.root()))).toList();
        if (built.isEmpty()) {
            throw new IllegalStateException("No service is built: run ./mvnw -DskipTests package first.");
        }
        for (int i = 0; i < topology.instances(); i++) {
            for (ServiceDefinition s : built) {
                requireFree(s.name(), topology.instance(s, i).port());
                requireFree(s.name() + " management", topology.instance(s, i).managementPort());
            }
        }
        secrets = StackSecrets.in(config.state());

        step("PostgreSQL 17 on port " + config.postgresPort());
        postgres = PostgresServer.start(config.state().resolve("postgres"), config.postgresPort(), false);
        built.stream().map(ServiceDefinition::database).filter(db -> db != null).forEach(postgres::createDatabase);

        if (topology.kafkaCluster()) {
            kafkaCluster = KafkaCluster.start(config.state(), config.logs(), config.kafkaPort(), config.kafkaControllerPort());
            kafkaBootstrap = kafkaCluster.bootstrapServers();
            step("Kafka cluster of " + KafkaCluster.NODES + " nodes on " + kafkaBootstrap
                    + " (replication factor 3, min.insync.replicas 2)");
        } else {
            step("Kafka on port " + config.kafkaPort());
            kafka = KafkaBroker.start(config.state().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
            kafkaBootstrap = config.kafkaBootstrapServers();
        }

        // Every message the services send stops here, on this machine; the page shows them (kept until Ctrl-C).
        step("SMTP server on port " + config.smtpPort() + " (nothing leaves this machine)");
        mail = MailServer.start(config.smtpPort());
        mailbox = mail.servePage(config.mailboxPort());
        if (config.traced()) {
            step("Trace receiver on port " + config.tracesPort() + " (OTLP/HTTP; every service's spans, kept in memory)");
            traces = TraceReceiver.start(config.tracesPort());
        }

        step("Keycloak " + KeycloakServer.VERSION + " on port " + config.keycloakPort() + " (first start takes a minute or two)");
        keycloak = KeycloakServer.start(config);

        for (ServiceDefinition service : built) {
            // The gateway starts last and learns every instance of the others.
            for (int i = 0; i < topology.instances(); i++) {
                ServiceDefinition instance = topology.instance(service, i);
                step(service.name() + " on port " + instance.port());
                services.add(startService(instance, i));
                running.add(instance);
            }
        }
        for (int i = 0; i < running.size(); i++) {
            services.get(i).awaitHttpOk(running.get(i).management("/q/health/ready"), Duration.ofMinutes(3));
        }
        if (config.loadDemoData()) {
            loadDemoData();
        }
    }

    private ManagedProcess startService(ServiceDefinition service, int instance) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(service.port()),
                "QUARKUS_MANAGEMENT_PORT", Integer.toString(service.managementPort()),
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                "QUARKUS_OIDC_AUTH_SERVER_URL", config.issuer(),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_MAILER_HOST", mail.host(),
                "QUARKUS_MAILER_PORT", Integer.toString(mail.port())));
        if (service.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(service.database()));
        }
        env.putAll(secrets.environment(service));
        if (traces != null) {
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            // Spans show a second after the request instead of five.
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        }
        if (!config.webOrigin().equals(StackConfig.DEFAULT_WEB_ORIGIN)) {
            env.put("GATEWAY_WEB_ORIGINS", config.webOrigin());
        }
        for (ServiceDefinition other : running) {
            // Lets the gateway and reporting find their peers, e.g. TRAINING_SERVICE_URL and its management interface;
            // every instance, comma-separated, in the scale-out stack.
            String name = other.name().toUpperCase().replace('-', '_');
            env.merge(name + "_URL", "http://localhost:" + other.port(), (a, b) -> a + "," + b);
            env.merge(name + "_MANAGEMENT_URL", "http://localhost:" + other.managementPort(), (a, b) -> a + "," + b);
        }
        return ManagedProcess.start(service.name(), ServiceJvm.forStack(config.state()).command(service, config.root()), env,
                config.logs().resolve(processName(service.name(), instance) + ".log"));
    }

    private void loadDemoData() {
        ApiClient api = new ApiClient(new Tokens(config.issuer()));
        for (ServiceDefinition service : running.stream().filter(s -> s.equals(firstInstance(s.name()))).toList()) {
            String baseUrl = "http://localhost:" + service.port();
            int calls;
            if (service.name().equals("training-service")) {
                calls = new TrainingDemoData(api, baseUrl).load();
            } else {
                Path file = config.root().resolve("deploy/demo-data/" + service.name() + ".json");
                if (!Files.isRegularFile(file)) {
                    continue; // the gateway holds no data of its own
                }
                calls = JsonDemoData.load(file, baseUrl, api);
            }
            step("demo data for " + service.name() + ": " + (calls == 0 ? "already loaded" : calls + " records"));
        }
    }

    String banner() {
        StringBuilder out = new StringBuilder("\nPrevent Hub is running. Ctrl-C stops it; ./hub start again keeps the data.\n\n");
        ServiceDefinition gateway = running.stream().filter(s -> s.database() == null).findFirst().orElse(null);
        if (gateway != null) {
            String base = "http://localhost:" + gateway.port();
            out.append(String.format("  %-19s %s/q/swagger-ui   (the whole API: %s/api/openapi.json; services' health: %s/api/health)%n",
                    "gateway", base, base, base));
        }
        for (ServiceDefinition service : running) {
            if (service == gateway) {
                continue;
            }
            out.append(String.format("  %-19s http://localhost:%d   (operators only: %s, %s, %s)%n", service.name(),
                    service.port(), service.management("/q/health"), service.management("/q/metrics"),
                    service.management("/q/openapi")));
        }
        out.append(String.format("  %-19s http://localhost:%d/admin   (admin / admin)%n", "keycloak", config.keycloakPort()));
        out.append(String.format("  %-19s %s   (every e-mail the suite sent; SMTP on localhost:%d, nothing leaves this machine)%n",
                "mailbox", mailbox, config.smtpPort()));
        if (traces != null) {
            out.append(String.format("  %-19s %s   (the latest traces; one trace: /traces/{traceId}, the id in every log line's trace=)%n",
                    "traces", traces.page()));
        }
        out.append(String.format("  %-19s localhost:%d    kafka: %s    logs: %s%n", "postgresql",
                config.postgresPort(), kafkaBootstrap, config.root().relativize(config.logs())));
        if (topology.instances() > 1) {
            out.append("\nScale-out: " + topology.instances() + " instances of every service (ports +" + Topology.PORT_STEP
                    + " for the second), the gateways spreading requests over them; " + KafkaCluster.NODES
                    + " Kafka nodes. See README, \"Scaling out\".\n");
        }
        out.append("\nDemo users (password \"demo\"): lead-wcc, trainer-wcc, referrer-police, panel-wcc, engagement-wcc, "
                + "analyst-wcc, admin-wcc (and -police twins).\n");
        out.append("A token and a first call:\n\n");
        out.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=prevent-hub-cli -d username=lead-wcc -d password=demo \\\n");
        out.append("    ").append(config.issuer()).append("/protocol/openid-connect/token \\\n");
        out.append("    | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n");
        String first = gateway != null ? "http://localhost:" + gateway.port() + "/api/training" : "http://localhost:8081";
        out.append("  curl -H \"Authorization: Bearer $TOKEN\" '").append(first).append("/sessions?courseCode=WRAP'\n");
        return out.toString();
    }

    public List<ServiceDefinition> running() {
        return List.copyOf(running);
    }

    private static String processName(String service, int instance) {
        return instance == 0 ? service : service + "-" + (instance + 1);
    }

    private ServiceDefinition firstInstance(String name) {
        return running.get(indexOf(name));
    }

    /** The spans the services sent, when the stack was started with a trace receiver. */
    java.util.Optional<TraceReceiver> traces() {
        return java.util.Optional.ofNullable(traces);
    }

    /** Where the services find Kafka: one broker, or the cluster's three nodes. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** Every instance of one service, in order. */
    public List<ServiceDefinition> instances(String name) {
        return running.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Kills instance {@code instance} (0-based) of a service at once (SIGKILL): no shutdown hook, as a machine failing. */
    public synchronized void kill(String name, int instance) {
        int seen = 0;
        for (int i = 0; i < running.size(); i++) {
            if (running.get(i).name().equals(name) && seen++ == instance) {
                services.get(i).kill();
                return;
            }
        }
        throw new IllegalArgumentException("No instance " + instance + " of " + name);
    }

    /** Kills Kafka node n (0-based) of the scale-out stack's cluster at once. */
    public void killKafkaNode(int n) {
        if (kafkaCluster == null) {
            throw new IllegalStateException("Only the scale-out stack has a Kafka cluster");
        }
        kafkaCluster.kill(n);
    }

    /** Stops one service and leaves the rest running, as when it crashes or is redeployed. */
    public synchronized void stop(String name) {
        services.get(indexOf(name)).close();
    }

    /** Starts a stopped service again and waits until it is ready. */
    public synchronized void restart(String name) {
        int index = indexOf(name);
        ServiceDefinition service = running.get(index);
        services.get(index).close();
        ManagedProcess process = startService(service, 0);
        services.set(index, process);
        process.awaitHttpOk(service.management("/q/health/ready"), Duration.ofMinutes(3));
    }

    /** The process id of a service's JVM (for its memory, in the cold-start benchmark). */
    long pid(String name) {
        return services.get(indexOf(name)).pid();
    }

    private int indexOf(String name) {
        for (int i = 0; i < running.size(); i++) {
            if (running.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No running service " + name);
    }

    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (traces != null) {
            traces.close();
            traces = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (kafkaCluster != null) {
            kafkaCluster.close();
            kafkaCluster = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static void requireFree(String what, int port) {
        if (FreePorts.isInUse(port)) {
            throw new IllegalStateException(what + " needs port " + port + ", which another program holds "
                    + "(a suite still running? stop it with Ctrl-C, or free the port).");
        }
    }

    private static void step(String message) {
        System.out.println("▸ " + message);
    }

}
