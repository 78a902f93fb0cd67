package org.preventhub.platform.feed;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The check/write pipeline of one import at a time, behind {@link FeedImports}: each record is checked on the
 * checking thread, every rejected line kept with its reason, and the natural keys go to {@link NaturalKeys}, which
 * finds lines repeating a record; meanwhile the records that passed are prepared, a chunk at a time, by the handler's
 * {@link FeedWriter} and written on the writing thread in one transaction for the whole file, so checking and
 * writing keep a core each busy. Any rejection rolls that transaction back (at once, so the writing stops), and so
 * does a dry run, after counting; otherwise the writer finishes and the same transaction marks the import applied.
 */
final class FeedPipeline {

    private static final Logger LOG = Logger.getLogger(FeedImports.class);
    /**
     * Prepared writes waiting for the writing thread: most of the memory a file holds (a couple of MB each), and
     * a backlog that keeps the writing busy while the check looks for repeated records at the end.
     */
    private static final int WRITES_IN_FLIGHT = 8;

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final FeedJobs jobs;
    private final FeedMappings mappings;
    private final ExecutorService writingThread;

    FeedPipeline(AgroalDataSource dataSource, ObjectMapper mapper, FeedConfig config, FeedJobs jobs,
            FeedMappings mappings, ExecutorService writingThread) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.jobs = jobs;
        this.mappings = mappings;
        this.writingThread = writingThread;
    }

    /** Runs one import to its end on the calling (checking) thread; the job row records how it ended. */
    <T> void run(FeedHandler<T> handler, UUID id, String source, boolean dryRun, boolean json, Path path, long bytes) {
        process(new FileImport<>(handler, id, source, dryRun, json, path, bytes));
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
            FeedUpload.deleteQuietly(file.path);
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

        FileImport(FeedHandler<T> handler, UUID id, String source, boolean dryRun, boolean json, Path path, long bytes) {
            this.handler = handler;
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
