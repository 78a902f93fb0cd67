package org.preventhub.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;

/**
 * The scale-out stack's Kafka: three KRaft nodes (each broker and controller, so any one may fail and a quorum of
 * two remains), one JVM each, logs under {@code .stack/kafka-<n>}. Topics are created on first use with replication
 * factor 3 and {@code min.insync.replicas=2}: with the relay's {@code acks=all}, an acknowledged event is on two
 * nodes at least, and one node lost stops neither writes nor reads.
 */
final class KafkaCluster implements AutoCloseable {

    static final int NODES = 3;

    private final List<ManagedProcess> nodes = new ArrayList<>();
    private final List<Integer> ports;
    private final List<Integer> controllerPorts;
    private final Path state;
    private final Path logs;
    private final String clusterId;

    private KafkaCluster(Path state, Path logs, List<Integer> ports, List<Integer> controllerPorts) {
        this.state = state;
        this.logs = logs;
        this.ports = ports;
        this.controllerPorts = controllerPorts;
        this.clusterId = clusterId(state);
    }

    /** Node n (0-based) listens on {@code port + 10 n} and its controller on {@code controllerPort + 10 n}. */
    static KafkaCluster start(Path state, Path logs, int port, int controllerPort) {
        List<Integer> ports = IntStream.range(0, NODES).mapToObj(n -> port + 10 * n).toList();
        List<Integer> controllers = IntStream.range(0, NODES).mapToObj(n -> controllerPort + 10 * n).toList();
        KafkaCluster cluster = new KafkaCluster(state, logs, ports, controllers);
        for (int n = 0; n < NODES; n++) {
            cluster.nodes.add(cluster.startNode(n));
        }
        for (int n = 0; n < NODES; n++) {
            cluster.awaitListening(n, Duration.ofMinutes(2));
        }
        return cluster;
    }

    static List<Integer> portsOf(int port, int controllerPort) {
        List<Integer> all = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            all.add(port + 10 * n);
            all.add(controllerPort + 10 * n);
        }
        return all;
    }

    String bootstrapServers() {
        return ports.stream().map(p -> "localhost:" + p).collect(Collectors.joining(","));
    }

    /** Kills node n at once (SIGKILL), as when its machine fails. */
    synchronized void kill(int n) {
        nodes.get(n).kill();
    }

    /** Starts node n again on its ports and log, after {@link #kill}. */
    synchronized void restart(int n) {
        nodes.get(n).close();
        nodes.set(n, startNode(n));
        awaitListening(n, Duration.ofMinutes(2));
    }

    private ManagedProcess startNode(int n) {
        Path directory = state.resolve("kafka-" + (n + 1));
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(n + 1));
        props.put("controller.quorum.voters", IntStream.range(0, NODES)
                .mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts.get(i)).collect(Collectors.joining(",")));
        props.put("listeners", "PLAINTEXT://localhost:" + ports.get(n) + ",CONTROLLER://localhost:" + controllerPorts.get(n));
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + ports.get(n));
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", directory.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "3");
        props.put("min.insync.replicas", "2");
        props.put("offsets.topic.replication.factor", "3");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "3");
        props.put("transaction.state.log.min.isr", "2");
        props.put("share.coordinator.state.topic.replication.factor", "3");
        props.put("share.coordinator.state.topic.min.isr", "2");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        // A node killed and restarted catches up from its peers: no unclean leader, no acknowledged event lost.
        props.put("unclean.leader.election.enable", "false");
        props.put("log.retention.ms", "-1");
        props.put("log.retention.bytes", "-1");
        try {
            Files.createDirectories(state);
            Path file = state.resolve("kafka-" + (n + 1) + ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "scale-out stack: Kafka node " + (n + 1));
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            return ManagedProcess.start("kafka-" + (n + 1), List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), KafkaNode.class.getName(), file.toString(), clusterId),
                    Map.of(), logs.resolve("kafka-" + (n + 1) + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", ports.get(n)), 500);
                return;
            } catch (IOException e) {
                nodes.get(n).requireAlive();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("Kafka node " + (n + 1) + " did not listen within " + timeout.toSeconds() + " s");
    }

    /** One cluster id for all nodes, kept with their logs. */
    private static String clusterId(Path state) {
        Path file = state.resolve("kafka-cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(state);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        for (int n = nodes.size() - 1; n >= 0; n--) {
            nodes.get(n).close();
        }
        nodes.clear();
    }
}
