package org.preventhub.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.preventhub.testing.infra.FreePorts;

/**
 * The cold-start benchmark's stack (run by {@code ./benchmarks/run coldstart}, never by the test command): a fresh
 * local stack on free ports, as {@code ./hub start} runs it, without demo data, and for each service
 *
 * <ul>
 * <li>the time from its process start to the first 200 of {@code /q/health/ready}, all started together (the
 * stack) and alone (the other services stopped, PostgreSQL, Kafka and Keycloak running), polled every 25 ms;
 * <li>its resident memory (RSS) once ready, and after the load;
 * <li>the machine's load average with each figure (the machine is shared).
 * </ul>
 *
 * Between the two it runs the command {@code coldstart.load} (the bookings benchmark at 200/s from the first
 * second), with the stack's addresses in its environment. Arguments: the state folder; system properties
 * {@code coldstart.load}, {@code coldstart.alone-runs} (default 3), {@code coldstart.phases} (default
 * "stack,load,replica,alone": "replica" restarts training alone into the warm stack and runs the load again).
 */
public final class ColdStart {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("prevent-hub.root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(args.length > 0 ? args[0] : "benchmarks/target/coldstart-stack").toAbsolutePath();
        List<String> phases = List.of(System.getProperty("coldstart.phases", "stack,load,replica,alone").split(","));
        int aloneRuns = Integer.getInteger("coldstart.alone-runs", 3);
        List<ServiceDefinition> services = ServiceDefinition.ALL.stream()
                .map(service -> service.withPorts(FreePorts.next(), FreePorts.next())).toList();
        StackConfig config = new StackConfig(root, state, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), services, false);
        ServiceJvm jvm = ServiceJvm.forStack(state);
        say("services run on " + String.join(" ", jvm.command(services.get(0), root)));

        ReadyWatch watch = new ReadyWatch(services, root);
        watch.start();
        LocalStack stack;
        Instant asked = Instant.now();
        stack = LocalStack.start(config);
        try {
            if (phases.contains("stack")) {
                say("stack: started together (load average " + loadAverage() + ")");
                for (ServiceDefinition service : stack.running()) {
                    long pid = stack.pid(service.name());
                    Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(asked);
                    say(String.format("  %-19s ready %5.1f s   CPU %5.1f s   RSS %4d MB", service.name(),
                            seconds(started, watch.readyAt(service)), watch.cpuAtReady(service), rssMegabytes(pid)));
                }
            }
            String load = System.getProperty("coldstart.load", "");
            if (phases.contains("load") && !load.isBlank()) {
                runLoad(stack, config, load, watch.allReadyAt());
            }
            if (phases.contains("replica") && !load.isBlank()) {
                // What a scale-out or a rolling update does: one fresh training replica into a stack whose database,
                // Kafka and identity provider are warm. The load then starts as soon as it answers ready.
                ServiceDefinition training = services.get(0);
                // Stopped before it is forgotten: the watch would otherwise see the old process still answer ready.
                stack.stop(training.name());
                watch.forget(training);
                Instant restarted = Instant.now();
                stack.restart(training.name());
                long pid = stack.pid(training.name());
                Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(restarted);
                say(String.format("replica: a fresh %s into the warm stack: ready %.1f s, CPU %.1f s, RSS %d MB",
                        training.name(), seconds(started, watch.readyAt(training)), watch.cpuAtReady(training),
                        rssMegabytes(pid)));
                runLoad(stack, config, load, watch.readyAt(training));
            }
            if (phases.contains("alone")) {
                stack.running().forEach(service -> stack.stop(service.name()));
                alone(stack, watch, aloneRuns);
            }
        } finally {
            watch.interrupt();
            stack.close();
        }
    }

    /** Runs the load command with the stack's addresses, and says each service's RSS and CPU after it. */
    private static void runLoad(LocalStack stack, StackConfig config, String load, Instant readyAt)
            throws IOException, InterruptedException {
        List<ServiceDefinition> services = stack.running();
        ServiceDefinition training = services.get(0);
        say("load: " + load + " (load average " + loadAverage() + ")");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", load).inheritIO();
        builder.environment().putAll(Map.of(
                "TRAINING_URL", "http://localhost:" + training.port(),
                "TRAINING_MANAGEMENT_URL", "http://localhost:" + training.managementPort(),
                "GATEWAY_URL", "http://localhost:" + services.get(4).port(),
                "KEYCLOAK_URL", config.issuer(),
                "READY_SECONDS_AGO", Long.toString(Duration.between(readyAt, Instant.now()).toSeconds())));
        int status = builder.start().waitFor();
        say("after the load (exit " + status + ", load average " + loadAverage() + ")");
        for (ServiceDefinition service : services) {
            long pid = stack.pid(service.name());
            say(String.format("  %-19s RSS %4d MB   CPU so far %5.1f s", service.name(), rssMegabytes(pid),
                    cpuSeconds(pid)));
        }
    }

    /**
     * Each service started with the others stopped, {@code runs} times, for each variant of the JVM
     * ({@code coldstart.variants}: "name:java home:aot cache on|off:JVM options" separated by ";", default the
     * stack's own; e.g. "small heap:::-Xms64m" compares a heap setting with the same JVM and cache).
     */
    private static void alone(LocalStack stack, ReadyWatch watch, int runs) {
        List<String> only = List.of(System.getProperty("coldstart.services", "").split(","));
        List<ServiceDefinition> services = stack.running().stream()
                .filter(s -> only.equals(List.of("")) || only.contains(s.name())).toList();
        for (String variant : System.getProperty("coldstart.variants", "stack's own::").split(";")) {
            // At most four parts: JVM options have colons of their own (-XX:Flag).
            String[] given = variant.split(":", 4);
            String[] parts = java.util.Arrays.copyOf(given, 4);
            java.util.Arrays.setAll(parts, i -> parts[i] == null ? "" : parts[i]);
            if (!parts[1].isBlank()) {
                System.setProperty("prevent-hub.service-java-home", parts[1]);
            }
            System.setProperty("prevent-hub.aot-cache.mode", parts[2].isBlank() ? "on" : parts[2]);
            System.setProperty("prevent-hub.jvm-options", parts[3]);
            Map<String, List<String>> figures = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                for (ServiceDefinition service : services) {
                    watch.forget(service);
                    Instant start = Instant.now();
                    String figure;
                    try {
                        stack.restart(service.name());
                        long pid = stack.pid(service.name());
                        Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(start);
                        figure = String.format("%.1f s (CPU %.1f s, RSS %d MB, load %s)",
                                seconds(started, watch.readyAt(service)), watch.cpuAtReady(service),
                                rssMegabytes(pid), loadAverage());
                    } catch (RuntimeException e) {
                        // e.g. another program took its port meanwhile: the machine is shared
                        figure = "failed: " + e.getMessage();
                    }
                    figures.computeIfAbsent(service.name(), name -> new ArrayList<>()).add(figure);
                    stack.stop(service.name());
                }
            }
            say("alone, " + parts[0] + ": each service started with the others stopped, " + runs + " runs");
            figures.forEach((name, list) -> say(String.format("  %-19s %s", name, String.join("; ", list))));
        }
    }

    private static double seconds(Instant from, Instant to) {
        return to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }

    static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void say(String line) {
        System.out.println("▸ " + line);
    }

    /**
     * The CPU time (user and system) a process has used, in seconds: a figure the machine's other work changes far
     * less than the time on the clock.
     */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in clock ticks
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The JVM running this packaged application (one per application in a stack). */
    static long pidOf(Path application) {
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline"))).contains(application.toString());
                } catch (IOException e) {
                    return false;
                }
            }).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Polls every service's readiness and remembers when each first answered 200, and the CPU it had used. */
    private static final class ReadyWatch extends Thread {
        private final List<ServiceDefinition> services;
        private final Path root;
        private final Map<String, Instant> ready = new ConcurrentHashMap<>();
        private final Map<String, Double> cpu = new ConcurrentHashMap<>();

        ReadyWatch(List<ServiceDefinition> services, Path root) {
            super("ready-watch");
            setDaemon(true);
            this.services = services;
            this.root = root;
        }

        double cpuAtReady(ServiceDefinition service) {
            readyAt(service);
            return cpu.getOrDefault(service.name(), Double.NaN);
        }

        /** When it first answered ready; waits a moment for this thread to see what the launcher saw. */
        Instant readyAt(ServiceDefinition service) {
            for (int i = 0; i < 200 && !ready.containsKey(service.name()); i++) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return ready.get(service.name());
        }

        Instant allReadyAt() {
            return ready.values().stream().max(Instant::compareTo).orElse(Instant.now());
        }

        void forget(ServiceDefinition service) {
            ready.remove(service.name());
            cpu.remove(service.name());
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                for (ServiceDefinition service : services) {
                    if (!ready.containsKey(service.name()) && answersReady(service)) {
                        ready.putIfAbsent(service.name(), Instant.now());
                        cpu.put(service.name(), cpuSeconds(pidOf(service.application(root))));
                    }
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static boolean answersReady(ServiceDefinition service) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(service.management("/q/health/ready")))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
