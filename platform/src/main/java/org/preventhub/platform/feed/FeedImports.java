package org.preventhub.platform.feed;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The feed contract, for every service that takes council feeds (see {@link FeedHandler}):
 * <ol>
 * <li>the upload is streamed to a spool file while its SHA-256 is computed, so memory does not grow with it
 * ({@link FeedUpload});</li>
 * <li>a file (or batch id) already applied, or being applied, for the same feed and source is a no-op
 * ({@code DUPLICATE}), enforced by unique indexes so two simultaneous resends cannot both run ({@link #submit});</li>
 * <li>the records are checked and written by two threads in one transaction for the whole file, applied whole or
 * not at all ({@link FeedPipeline}).</li>
 * </ol>
 * Imports run one at a time; the job row shows progress.
 */
@ApplicationScoped
public class FeedImports {

    public record Submission(FeedJob job, CompletableFuture<Void> done) {
    }

    private static final Logger LOG = Logger.getLogger(FeedImports.class);

    private final Instance<FeedHandler<?>> handlers;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final FeedJobs jobs;
    private final FeedMappings mappings;
    private ExecutorService checkingThread;
    private ExecutorService writingThread;
    private FeedPipeline pipeline;

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
        pipeline = new FeedPipeline(dataSource, mapper, config, jobs, mappings, writingThread);
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

    /** Reads the upload into a spool file, refusing an unsupported type, an empty or an oversized file. */
    public FeedUpload spool(InputStream body, String contentType) {
        return FeedUpload.spool(body, contentType, config);
    }

    /** Stores the upload and queues it, or answers the earlier import when this file or batch was sent before. */
    public Submission submit(FeedHandler<?> handler, String source, String batchId, String contentType, boolean dryRun,
            InputStream body, String submittedBy) {
        try (FeedUpload upload = spool(body, contentType)) {
            return submit(handler, source, batchId, dryRun, upload, submittedBy);
        }
    }

    /** As above, for an upload already spooled; the import takes its file unless it is a duplicate. */
    public Submission submit(FeedHandler<?> handler, String source, String batchId, boolean dryRun, FeedUpload upload,
            String submittedBy) {
        try {
            UUID id = UUID.randomUUID();
            if (!jobs.insert(id, handler.name(), source, batchId, upload.hash(), upload.contentType(), upload.bytes(),
                    dryRun, submittedBy)) {
                UUID duplicate = jobs.insertDuplicate(handler.name(), source, batchId, upload.hash(),
                        upload.contentType(), upload.bytes(), submittedBy);
                return new Submission(job(duplicate).orElseThrow(), CompletableFuture.completedFuture(null));
            }
            boolean json = upload.json();
            long bytes = upload.bytes();
            Path file = upload.take();
            CompletableFuture<Void> done = CompletableFuture.runAsync(
                    () -> pipeline.run(handler, id, source, dryRun, json, file, bytes), checkingThread);
            return new Submission(job(id).orElseThrow(), done);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the upload", e);
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

}
