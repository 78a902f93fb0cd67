package org.preventhub.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * One node (broker and controller) of the scale-out stack's Kafka cluster, in a JVM of its own so that it can be
 * killed like a machine failing: {@code java -cp ... org.preventhub.stack.KafkaNode <server.properties> <cluster id>}.
 * Formats its log directory on first start (every node with the same cluster id), keeps it afterwards.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            props.load(in);
        }
        Path logs = Path.of(props.getProperty("log.dirs"));
        if (!Files.exists(logs.resolve("meta.properties"))) {
            Files.createDirectories(logs);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            // execute, not main: main calls System.exit.
            int status = StorageTool.execute(new String[] { "format", "--config", args[0], "--cluster-id", args[1] },
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IOException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "kafka-node-shutdown"));
        server.startup();
        System.out.println("Kafka node " + props.getProperty("node.id") + " started");
        stopped.await();
    }
}
