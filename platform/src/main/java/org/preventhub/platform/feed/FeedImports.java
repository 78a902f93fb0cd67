package org.preventhub.platform.feed;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.preventhub.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The feed contract, for every service that takes council feeds (see {@link FeedHandler}):
 * <ol>
 * <li>the upload is streamed to a spool file while its SHA-256 is computed, so memory does not grow with it;</li>
 * <li>a file (or batch id) already applied, or being applied, for the same feed and source is a no-op
 * ({@code DUPLICATE}), enforced by unique indexes so two simultaneous resends cannot both run;</li>
 * <li>each record is checked on the checking thread; every rejected line is kept with its reason, and the natural
 * keys go to {@link NaturalKeys}, which finds lines repeating a record;</li>
 * <li>meanwhile the records that passed are prepared, a chunk at a time, by the handler's {@link FeedWriter} and
 * written on the writing thread, in one transaction for the whole file, so checking and writing keep a core each
 * busy;</li>
 * <li>any rejection rolls that transaction back (at once, so the writing stops), and so does a dry run, after
 * counting; otherwise the writer finishes and the same transaction marks the import applied.</li>
 * </ol>
 * Imports run one at a time; the job row shows progress.
 */
@ApplicationScoped
public class FeedImports {

    public record Submission(FeedJob job, CompletableFuture<Void> done) {
    }

    private static final Logger LOG = Logger.getLogger(FeedImports.class);
    /**
     * Prepared writes waiting for the writing thread: most of the memory a file holds (a couple of MB each), and
     * a backlog that keeps the writing busy while the check looks for repeated records at the end.
     */
    private static final int WRITES_IN_FLIGHT = 8;

    private final Instance<FeedHandler<?>> handlers;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final FeedJobs jobs;
    private final FeedMappings mappings;
    private ExecutorService checkingThread;
    private ExecutorService writingThread;

    FeedImports(Instance<FeedHandler<?>> handlers, AgroalDataSource dataSource, ObjectMapper mapper, FeedConfig config,
            FeedJobs jobs, FeedMappings mappings) {
        this.handlers = handlers;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.jobs = jobs;
        this.mappings = mappings;
    }

    void start(@Observes StartupEvent event) {
        checkingThread = Executors.newSingleThreadExecutor(daemon("feed-import"));
        writingThread = Executors.newSingleThreadExecutor(daemon("feed-write"));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    void stop(@Observes ShutdownEvent event) {
        if (checkingThread != null) {
            checkingThread.shutdownNow();
            writingThread.shutdownNow();
        }
    }

    public List<FeedHandler<?>> handlers() {
        return handlers.stream().toList();
    }

    public Optional<FeedHandler<?>> handler(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<FeedJob> job(UUID id) {
        try {
            return jobs.find(id, FeedJob.REJECTIONS_SHOWN);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<FeedJob> list(String feed, String source, int page, int size) {
        try {
            return jobs.list(feed, source, page, size);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String feed, String source) {
        try {
            return jobs.count(feed, source);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<RejectedLine> rejections(UUID id, int page, int size) {
        try {
            return jobs.rejections(id, page, size);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An upload stored in a spool file, with its SHA-256: what a resent file or an {@code Idempotency-Key} compares. */
    public static final class Spooled implements AutoCloseable {
        private Path file;
        private final String hash;
        private final long bytes;

        Spooled(Path file, String hash, long bytes) {
            this.file = file;
            this.hash = hash;
            this.bytes = bytes;
        }

        public String hash() {
            return hash;
        }

        Path take() {
            Path taken = file;
            file = null;
            return taken;
        }

        /** Deletes the spool file unless an import took it. */
        @Override
        public void close() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover spool file is harmless
                }
            }
        }
    }

    /** Reads the upload into a spool file, refusing an empty or oversized one. */
    public Spooled spool(InputStream body) {
        Path file = null;
        try {
            file = spoolFile();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                bytes = copyAtMost(body, out, config.maxFileBytes());
            }
            if (bytes < 0) {
                throw new ProblemException(413, "payload-too-large", "Payload too large",
                        "A feed file may be at most " + config.maxFileBytes() + " bytes.", null, null);
            }
            if (bytes == 0) {
                throw ProblemException.badRequest("The file is empty.");
            }
            Spooled spooled = new Spooled(file, HexFormat.of().formatHex(sha.digest()), bytes);
            file = null;
            return spooled;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not store the upload", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover spool file is harmless
                }
            }
        }
    }

    /** Stores the upload and queues it, or answers the earlier import when this file or batch was sent before. */
    public Submission submit(FeedHandler<?> handler, String source, String batchId, String contentType, boolean dryRun,
            InputStream body, String submittedBy) {
        boolean json = isJson(contentType);
        try (Spooled spooled = spool(body)) {
            return submit(handler, source, batchId, json, dryRun, spooled, submittedBy);
        }
    }

    /** As above, for an upload already spooled; the import takes its file unless it is a duplicate. */
    public Submission submit(FeedHandler<?> handler, String source, String batchId, String contentType, boolean dryRun,
            Spooled spooled, String submittedBy) {
        return submit(handler, source, batchId, isJson(contentType), dryRun, spooled, submittedBy);
    }

    private Submission submit(FeedHandler<?> handler, String source, String batchId, boolean json, boolean dryRun,
            Spooled spooled, String submittedBy) {
        try {
            UUID id = UUID.randomUUID();
            String type = json ? "application/json" : "text/csv";
            if (!jobs.insert(id, handler.name(), source, batchId, spooled.hash, type, spooled.bytes, dryRun, submittedBy)) {
                UUID duplicate = jobs.insertDuplicate(handler.name(), source, batchId, spooled.hash, type, spooled.bytes,
                        submittedBy);
                return new Submission(job(duplicate).orElseThrow(), CompletableFuture.completedFuture(null));
            }
            FileImport<?> upload = new FileImport<>(handler, id, source, dryRun, json, spooled.take(), spooled.bytes);
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> process(upload), checkingThread);
            return new Submission(job(id).orElseThrow(), done);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the upload", e);
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            throw unsupported();
        }
        String type = contentType.split(";")[0].trim().toLowerCase();
        if (type.equals("application/json") || type.endsWith("+json")) {
            return true;
        }
        if (type.equals("text/csv")) {
            return false;
        }
        throw unsupported();
    }

    private static ProblemException unsupported() {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                "Send a feed as text/csv (with a header row) or application/json.", null, null);
    }

    private <T> void process(FileImport<T> file) {
        UUID id = file.id;
        try {
            jobs.started(id);
            file.context = new FeedContext(id, file.source, file.dryRun, mappings.load(file.source));
            long started = System.nanoTime();
            file.writing = CompletableFuture.supplyAsync(() -> write(file), writingThread);
            check(file);
            long checked = System.nanoTime();
            if (file.rejected > 0) {
                file.abort();
                jobs.reject(id, file.rejections);
                jobs.finish(id, FeedStatus.REJECTED, file.bytes, file.records, FeedCounts.NONE, file.rejected, null);
                return;
            }
            if (file.batchId != null && !jobs.claimBatchId(id, file.batchId)) {
                file.abort();
                jobs.markDuplicate(id, jobs.findActive(file.handler.name(), file.source, "", file.batchId).orElse(null));
                return;
            }
            if (!file.dryRun) {
                jobs.status(id, FeedStatus.APPLYING);
            }
            FeedCounts counts = file.end();
            if (file.dryRun) {
                jobs.finish(id, FeedStatus.VALIDATED, file.bytes, file.records, counts, 0, null);
            }
            LOG.infof("Feed import %s (%s from %s): %d records checked in %d ms, written %d ms later",
                    id, file.handler.name(), file.source, file.records, (checked - started) / 1_000_000,
                    (System.nanoTime() - checked) / 1_000_000);
        } catch (Exception e) {
            file.abort();
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e instanceof ExecutionException ? e.getCause() : e, "Feed import %s failed (error id %s)", id, errorId);
            try {
                jobs.finish(id, FeedStatus.FAILED, file.bytes, file.records, FeedCounts.NONE, 0,
                        "The file could not be processed; nothing was applied. Error id " + errorId + ".");
            } catch (SQLException again) {
                LOG.errorf(again, "Could not record the failure of feed import %s", id);
            }
        } finally {
            try {
                Files.deleteIfExists(file.path);
            } catch (IOException ignored) {
                // a leftover spool file is harmless
            }
        }
    }

    /** Checks every record, has the writer prepare the good ones, and finds lines that repeat a record. */
    private <T> void check(FileImport<T> file) throws IOException, SQLException, InterruptedException {
        Set<String> fields = new LinkedHashSet<>();
        file.handler.fields().forEach(f -> fields.add(f.name()));
        long[] lastProgress = { 0 };
        try (NaturalKeys keys = NaturalKeys.open(dataSource, config.applyWorkMem());
                Connection committed = dataSource.getConnection();
                CountingInputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file.path), 1 << 16))) {
            file.committed = committed;
            try {
                file.batchId = FeedParser.parse(in, file.json, fields, record -> {
                    file.records++;
                    try {
                        CheckedRecord<T> checked = file.handler.check(record, file.context);
                        keys.add(checked.line(), checked.naturalKey());
                        file.add(checked);
                    } catch (FeedRejection rejection) {
                        file.reject(record.line(), rejection.getMessage());
                    }
                    if (file.records - lastProgress[0] >= config.progressEvery()) {
                        lastProgress[0] = file.records;
                        progress(file.id, in.count(), file.records);
                    }
                }, file::reject);
                file.flush();
                keys.repeats((line, first) -> file.reject(line, "repeats the record of line " + first + " (same record id)"));
            } catch (FeedParser.FileProblem problem) {
                // The lines after it cannot be told apart, so neither can their keys: the file is rejected whole.
                file.reject(problem.line, "the file cannot be read: " + problem.getMessage());
            }
        }
        progress(file.id, file.bytes, file.records);
    }

    /** The writing thread's side: the file's transaction, fed until the check says how it ends. */
    private <T> FeedCounts write(FileImport<T> file) {
        try {
            return QuarkusTransaction.requiringNew().timeout((int) config.applyTimeout().toSeconds()).call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    try (PreparedStatement memory = c.prepareStatement("SELECT set_config('work_mem', ?, true)")) {
                        memory.setString(1, config.applyWorkMem());
                        memory.execute();
                    }
                    FeedWriter<T> writer = file.handler.writer(new FeedBatch(file.id, file.source, file.dryRun, c, mapper));
                    file.opened.complete(writer);
                    while (true) {
                        Step step = file.steps.take();
                        if (step == Step.ABORT) {
                            throw new RolledBack(FeedCounts.NONE);
                        }
                        if (step.write() != null) {
                            step.write().writeTo(c);
                            continue;
                        }
                        FeedCounts counts = writer.finish();
                        if (file.dryRun) {
                            throw new RolledBack(counts);
                        }
                        jobs.finish(c, file.id, FeedStatus.APPLIED, file.bytes, step.records(), counts, 0, null);
                        return counts;
                    }
                }
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.counts;
        } finally {
            file.opened.cancel(false); // if it failed before opening the writer, the check must not wait for it
        }
    }

    /** Ends the file's transaction with a rollback (a dry run, or a file the check rejected). */
    private static final class RolledBack extends RuntimeException {
        final transient FeedCounts counts;

        RolledBack(FeedCounts counts) {
            super(null, null, false, false);
            this.counts = counts;
        }
    }

    /** What the writing thread does next: a write, the end of the file ({@code write} null), or roll back. */
    private record Step(FeedWrite write, long records) {
        static final Step ABORT = new Step(null, -1);
    }

    /** One file on its way through: what the check found, and the hand-over to the writing thread. */
    private final class FileImport<T> {
        final FeedHandler<T> handler;
        final UUID id;
        final String source;
        final boolean dryRun;
        final boolean json;
        final Path path;
        final long bytes;
        final CompletableFuture<FeedWriter<T>> opened = new CompletableFuture<>();
        final BlockingQueue<Step> steps = new ArrayBlockingQueue<>(WRITES_IN_FLIGHT);
        final List<RejectedLine> rejections = new ArrayList<>();
        /** Made once the import starts: it holds the source's code mappings as they are then. */
        FeedContext context;
        Connection committed;
        CompletableFuture<FeedCounts> writing;
        List<CheckedRecord<T>> chunk = new ArrayList<>();
        long records;
        long rejected;
        String batchId;
        /** Once a line is rejected (or the writing stopped), nothing more is prepared or handed over. */
        boolean handingOver = true;

        @SuppressWarnings("unchecked")
        FileImport(FeedHandler<?> handler, UUID id, String source, boolean dryRun, boolean json, Path path, long bytes) {
            this.handler = (FeedHandler<T>) handler;
            this.id = id;
            this.source = source;
            this.dryRun = dryRun;
            this.json = json;
            this.path = path;
            this.bytes = bytes;
        }

        void add(CheckedRecord<T> record) throws InterruptedException, SQLException {
            if (handingOver) {
                chunk.add(record);
                if (chunk.size() >= config.chunkSize()) {
                    flush();
                }
            }
        }

        void flush() throws InterruptedException, SQLException {
            if (!handingOver || chunk.isEmpty()) {
                return;
            }
            FeedWriter<T> writer;
            try {
                writer = opened.get();
            } catch (ExecutionException | CancellationException e) {
                handingOver = false; // the writing thread failed; its error ends the import
                return;
            }
            handOver(new Step(writer.prepare(chunk, committed), 0));
            chunk = new ArrayList<>(config.chunkSize());
        }

        void reject(long line, String reason) {
            rejected++;
            if (rejections.size() < config.maxStoredRejections()) {
                rejections.add(new RejectedLine(line, truncate(reason)));
            }
            if (handingOver) {
                abort();
            }
        }

        /** Waits while the writing thread is behind; gives up if it has stopped. */
        private void handOver(Step step) throws InterruptedException {
            while (!steps.offer(step, 100, TimeUnit.MILLISECONDS)) {
                if (writing.isDone()) {
                    handingOver = false;
                    return;
                }
            }
        }

        /** Tells the writing thread to roll back, dropping what it has not started on, and waits until it has. */
        void abort() {
            handingOver = false;
            chunk = List.of();
            if (writing == null) {
                return;
            }
            steps.clear();
            steps.offer(Step.ABORT); // there is room: this thread is the only one that adds
            try {
                writing.get();
            } catch (ExecutionException e) {
                LOG.debugf(e.getCause(), "The writing of feed import %s stopped before the rollback", id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The file passed: lets the writing thread finish and commit (or, in a dry run, count and roll back). */
        FeedCounts end() throws InterruptedException, ExecutionException {
            handOver(new Step(null, records));
            handingOver = false;
            return writing.get();
        }
    }

    private void progress(UUID id, long bytes, long records) {
        try {
            jobs.progress(id, bytes, records);
        } catch (SQLException e) {
            LOG.debugf("Progress of feed import %s not recorded: %s", id, e.getSQLState());
        }
    }

    @Scheduled(every = "1m", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failStalledImports() {
        try {
            int failed = jobs.failStalled(Instant.now().minus(config.stalledAfter()));
            if (failed > 0) {
                LOG.warnf("%d feed imports stopped making progress and were marked failed", failed);
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot check for stalled feed imports (SQLState %s)", e.getSQLState());
        }
    }

    private Path spoolFile() throws IOException {
        Path directory = Path.of(config.spoolDirectory().orElse(System.getProperty("java.io.tmpdir")), "prevent-hub-feeds");
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "feed-", ".upload");
    }

    /** @return bytes copied, or -1 when the input is longer than {@code limit} */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return -1;
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static String truncate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }

    /** Counts bytes read, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
