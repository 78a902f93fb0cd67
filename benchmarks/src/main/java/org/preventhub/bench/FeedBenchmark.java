package org.preventhub.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A council completions file of {@code rows} lines (default 1,000,000) uploaded to the training service of a
 * local stack (heap capped at 256 MB there), timed from upload to applied, while the service's heap is sampled
 * from its Prometheus metrics. Prints rows per second and the peak heap. Like the Gatling benchmarks it warms up
 * first, with {@code warmup.files} files of {@code warmup.rows} lines (default 2 of 100,000), whose figures are printed
 * too: the first file on a fresh stack pays for the JIT compiling the import's code.
 */
public final class FeedBenchmark {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);
    private static final Pattern HEAP_MAX = Pattern.compile("^jvm_memory_max_bytes\\{area=\"heap\"[^}]*} ([0-9.E+-]+)", Pattern.MULTILINE);

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rows", 1_000_000);
        int warmupFiles = Integer.getInteger("warmup.files", 2);
        int warmupRows = Integer.getInteger("warmup.rows", 100_000);

        // The file names the course by our own code; a stack without demo data must have it.
        Stack.ensureCourse("PREVENT-UPDATE");
        String token = Stack.clientToken("warwick-district-feed", "warwick-district-feed-secret");
        for (int i = 1; i <= warmupFiles; i++) {
            Result warmup = importFile(warmupRows, token);
            System.out.printf("Warm-up %d: %s%n", i, warmup);
        }

        long heapMax = sampleHeap(HEAP_MAX);
        AtomicLong peakHeap = new AtomicLong(sampleHeap(HEAP));
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(sampleHeap(HEAP), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Result result = importFile(rows, token);
        sampler.interrupt();

        System.out.printf("Status %s: created %d, updated %d, rejected %d%n", result.status(),
                result.job().get("created").asLong(), result.job().get("updated").asLong(),
                result.job().get("rejected").asLong());
        System.out.println(result);
        System.out.printf("Service heap: peak %d MB used of a %d MB maximum%n", peakHeap.get() / 1_048_576,
                heapMax / 1_048_576);
        System.out.printf("RESULT feed rows=%d seconds=%.1f rowsPerSecond=%.0f peakHeapMb=%d maxHeapMb=%d status=%s%n",
                rows, result.total(), result.rowsPerSecond(), peakHeap.get() / 1_048_576, heapMax / 1_048_576,
                result.status());
    }

    record Result(int rows, double upload, double total, JsonNode job) {

        String status() {
            return job.get("status").asText();
        }

        double rowsPerSecond() {
            return rows / total;
        }

        @Override
        public String toString() {
            return String.format("%,d rows: upload %.1f s, checked and applied %.1f s after upload; %.0f rows/s end to end (%s)",
                    rows, upload, total - upload, rowsPerSecond(), status());
        }
    }

    /** Generates a file of new records, uploads it and waits until the import has finished. */
    private static Result importFile(int rows, String token) throws IOException, InterruptedException {
        Path file = Files.createTempFile("completions-", ".csv");
        try {
            long bytes = write(file, rows);
            System.out.printf("Generated %,d rows (%,d MB) in %s%n", rows, bytes / 1_000_000, file);
            Instant start = Instant.now();
            // HTTP/1.1, as a council's system (or curl) sends a file: the JDK client's default, an upgrade to HTTP/2
            // cleartext, took it 40 % longer to send 150 MB to the same service.
            HttpResponse<String> upload = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.TRAINING + "/feeds/completions/imports"))
                    .version(HttpClient.Version.HTTP_1_1)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            Instant uploaded = Instant.now();
            if (upload.statusCode() != 202 && upload.statusCode() != 200) {
                throw new IllegalStateException("Upload answered " + upload.statusCode() + ": " + upload.body());
            }
            String location = upload.headers().firstValue("Location").orElseThrow();
            JsonNode job;
            do {
                Thread.sleep(200);
                job = Stack.get(URI.create(Stack.TRAINING).resolve(location).toString(), token);
            } while (!isFinished(job.get("status").asText()));
            Instant done = Instant.now();
            return new Result(rows, Duration.between(start, uploaded).toMillis() / 1000.0,
                    Duration.between(start, done).toMillis() / 1000.0, job);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean isFinished(String status) {
        return !status.equals("RECEIVED") && !status.equals("VALIDATING") && !status.equals("APPLYING");
    }

    private static long write(Path file, int rows) throws IOException {
        String run = Long.toString(System.nanoTime(), 36);
        String[] sectors = { "EDUCATION", "HEALTH", "LOCAL_AUTHORITY", "POLICE", "COMMUNITY" };
        String[] areas = { "warwick", "rugby", "nuneaton-and-bedworth", "stratford-on-avon", "north-warwickshire" };
        String[] modes = { "e-learning", "online", "in-person" };
        LocalDate base = LocalDate.of(2020, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("recordId,person,email,organisation,sector,courseCode,date,mode,area,completed\n");
            for (int i = 0; i < rows; i++) {
                out.write(run + "-" + i + ",Learner " + i + ",learner" + i + "@example.org,Warwick District Council,"
                        + sectors[i % 5] + ",PREVENT-UPDATE," + base.plusDays(i % 365) + "," + modes[i % 3] + ","
                        + areas[i % 5] + "," + (i % 20 == 0 ? "no" : "yes") + "\n");
            }
        }
        return Files.size(file);
    }

    private static long sampleHeap(Pattern pattern) {
        try {
            HttpResponse<String> metrics = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.TRAINING_MANAGEMENT + "/q/metrics"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = pattern.matcher(metrics.body());
            double sum = 0;
            while (matcher.find()) {
                double value = Double.parseDouble(matcher.group(1));
                if (value > 0) {
                    sum += value;
                }
            }
            return (long) sum;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
