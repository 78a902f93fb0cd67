package org.preventhub.platform.feed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.preventhub.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * <li>each record is checked and staged with PostgreSQL COPY; every rejected line is kept with its reason;
 * lines with the same natural key are rejected as duplicates;</li>
 * <li>any rejection rejects the file whole; a dry run stops after counting what would change;</li>
 * <li>otherwise the handler applies the staged rows in one transaction, which also marks the import applied.</li>
 * </ol>
 * Imports run one at a time on a background thread; the job row shows progress.
 */
@ApplicationScoped
public class FeedImports {

    public record Submission(FeedJob job, CompletableFuture<Void> done) {
    }

    private static final Logger LOG = Logger.getLogger(FeedImports.class);
    private static final int COPY_BUFFER = 256 * 1024;

    private final Instance<FeedHandler> handlers;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final FeedConfig config;
    private final FeedJobs jobs;
    private final FeedMappings mappings;
    private ExecutorService worker;

    FeedImports(Instance<FeedHandler> handlers, AgroalDataSource dataSource, ObjectMapper mapper, FeedConfig config,
            FeedJobs jobs, FeedMappings mappings) {
        this.handlers = handlers;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.jobs = jobs;
        this.mappings = mappings;
    }

    void start(@Observes StartupEvent event) {
        worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "feed-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    public List<FeedHandler> handlers() {
        return handlers.stream().toList();
    }

    public Optional<FeedHandler> handler(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public Optional<FeedJob> job(UUID id) {
        try {
            return jobs.find(id, 100);
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

    /** Stores the upload and queues it, or answers the earlier import when this file or batch was sent before. */
    public Submission submit(FeedHandler handler, String source, String batchId, String contentType, boolean dryRun,
            InputStream body, String submittedBy) {
        boolean json = isJson(contentType);
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
            String hash = HexFormat.of().formatHex(sha.digest());
            UUID id = UUID.randomUUID();
            String type = json ? "application/json" : "text/csv";
            if (!jobs.insert(id, handler.name(), source, batchId, hash, type, bytes, dryRun, submittedBy)) {
                UUID duplicate = jobs.insertDuplicate(handler.name(), source, batchId, hash, type, bytes, submittedBy);
                Files.deleteIfExists(file);
                return new Submission(job(duplicate).orElseThrow(), CompletableFuture.completedFuture(null));
            }
            Path spooled = file;
            file = null; // the worker owns it now
            CompletableFuture<Void> done = CompletableFuture.runAsync(
                    () -> process(handler, id, source, dryRun, json, spooled, bytes), worker);
            return new Submission(job(id).orElseThrow(), done);
        } catch (IOException | SQLException | NoSuchAlgorithmException e) {
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

    private void process(FeedHandler handler, UUID id, String source, boolean dryRun, boolean json, Path file, long bytes) {
        long records = 0;
        try {
            jobs.started(id);
            long started = System.nanoTime();
            FeedContext context = new FeedContext(id, source, dryRun, mappings.load(source));
            Staged staged = stage(handler, context, file, json, bytes);
            records = staged.records;
            long checked = System.nanoTime();
            if (staged.batchId != null && !jobs.claimBatchId(id, staged.batchId)) {
                jobs.markDuplicate(id, jobs.findActive(handler.name(), source, "", staged.batchId).orElse(null));
                return;
            }
            if (staged.rejected > 0) {
                jobs.finish(id, FeedStatus.REJECTED, bytes, records, FeedCounts.NONE, staged.rejected, null);
                return;
            }
            if (dryRun) {
                jobs.finish(id, FeedStatus.VALIDATED, bytes, records, preview(handler, id, source), 0, null);
                return;
            }
            jobs.status(id, FeedStatus.APPLYING);
            long total = records;
            QuarkusTransaction.requiringNew().timeout((int) config.applyTimeout().toSeconds()).run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    try (PreparedStatement memory = c.prepareStatement("SELECT set_config('work_mem', ?, true)")) {
                        memory.setString(1, config.applyWorkMem());
                        memory.execute();
                    }
                    FeedCounts applied = handler.apply(new FeedBatch(id, source, c, mapper));
                    jobs.finish(c, id, FeedStatus.APPLIED, bytes, total, applied, 0, null);
                    LOG.infof("Feed import %s (%s from %s): %d records checked and staged in %d ms, applied in %d ms",
                            id, handler.name(), source, total, (checked - started) / 1_000_000,
                            (System.nanoTime() - checked) / 1_000_000);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Exception e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Feed import %s failed (error id %s)", id, errorId);
            try {
                jobs.finish(id, FeedStatus.FAILED, bytes, records, FeedCounts.NONE, 0,
                        "The file could not be processed; nothing was applied. Error id " + errorId + ".");
            } catch (SQLException again) {
                LOG.errorf(again, "Could not record the failure of feed import %s", id);
            }
        } finally {
            deleteStaged(id);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover spool file is harmless
            }
        }
    }

    /** In a read-only transaction, which the database enforces, and which is rolled back anyway. */
    private FeedCounts preview(FeedHandler handler, UUID id, String source) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return handler.preview(new FeedBatch(id, source, c, mapper));
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
    }

    private static final class Staged {
        long records;
        long rejected;
        String batchId;
    }

    /** Checks every record and COPYs the good ones into feed_staged_row; stores the rejections. */
    private Staged stage(FeedHandler handler, FeedContext context, Path file, boolean json, long bytes)
            throws IOException, SQLException {
        Staged result = new Staged();
        List<RejectedLine> rejections = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        handler.fields().forEach(f -> fields.add(f.name()));
        String jobId = context.jobId().toString();

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY feed_staged_row (job_id, line, natural_key, data) FROM STDIN");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(COPY_BUFFER + 8192);
            boolean fileUnreadable = false;
            long[] lastProgress = { 0 };
            try (CountingInputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                FeedParser.RejectionSink reject = (line, reason) -> {
                    result.rejected++;
                    if (rejections.size() < config.maxStoredRejections()) {
                        rejections.add(new RejectedLine(line, truncate(reason)));
                    }
                };
                result.batchId = FeedParser.parse(in, json, fields, record -> {
                    result.records++;
                    try {
                        StagedRecord staged = handler.stage(record, context);
                        writeCopyRow(buffer, jobId, record.line(), staged.naturalKey(), mapper.writeValueAsString(staged.data()));
                        if (buffer.size() >= COPY_BUFFER) {
                            flush(copy, buffer);
                        }
                    } catch (FeedRejection rejection) {
                        reject.reject(record.line(), rejection.getMessage());
                    }
                    if (result.records - lastProgress[0] >= config.progressEvery()) {
                        lastProgress[0] = result.records;
                        progress(context.jobId(), in.count(), result.records);
                    }
                }, reject);
                flush(copy, buffer);
                copy.endCopy();
            } catch (FeedParser.FileProblem problem) {
                copy.cancelCopy();
                c.rollback(); // nothing staged: the file is rejected whole
                result.rejected++;
                rejections.add(new RejectedLine(problem.line, truncate("the file cannot be read: " + problem.getMessage())));
                fileUnreadable = true;
            } catch (IOException | RuntimeException | SQLException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw e;
            }
            if (!fileUnreadable) {
                result.rejected += rejectDuplicates(c, context.jobId(), rejections);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO feed_rejection (job_id, line, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (RejectedLine rejection : rejections) {
                    insert.setObject(1, context.jobId());
                    insert.setLong(2, rejection.line());
                    insert.setString(3, rejection.reason());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        progress(context.jobId(), bytes, result.records);
        return result;
    }

    /** Later lines with a natural key seen on an earlier line. */
    private long rejectDuplicates(Connection c, UUID jobId, List<RejectedLine> rejections) throws SQLException {
        long count = 0;
        try (PreparedStatement select = c.prepareStatement("""
                SELECT line, first_line FROM (
                    SELECT line, min(line) OVER (PARTITION BY natural_key) AS first_line
                    FROM feed_staged_row WHERE job_id = ? AND natural_key IS NOT NULL) lines
                WHERE line <> first_line ORDER BY line""")) {
            select.setObject(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    count++;
                    if (rejections.size() < config.maxStoredRejections()) {
                        rejections.add(new RejectedLine(rs.getLong(1),
                                "repeats the record of line " + rs.getLong(2) + " (same record id)"));
                    }
                }
            }
        }
        return count;
    }

    private void progress(UUID id, long bytes, long records) {
        try {
            jobs.progress(id, bytes, records);
        } catch (SQLException e) {
            LOG.debugf("Progress of feed import %s not recorded: %s", id, e.getSQLState());
        }
    }

    private void deleteStaged(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM feed_staged_row WHERE job_id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Staged rows of feed import %s not deleted (SQLState %s)", id, e.getSQLState());
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

    private static void flush(CopyIn copy, ByteArrayOutputStream buffer) throws SQLException {
        if (buffer.size() > 0) {
            byte[] bytes = buffer.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.reset();
        }
    }

    /** One row of COPY's text format: tab-separated, backslash escapes, \N for null. */
    private static void writeCopyRow(ByteArrayOutputStream out, String jobId, long line, String key, String json)
            throws JsonProcessingException {
        StringBuilder row = new StringBuilder(json.length() + 64);
        row.append(jobId).append('\t').append(line).append('\t');
        if (key == null) {
            row.append("\\N");
        } else {
            escape(row, key);
        }
        row.append('\t');
        escape(row, json);
        row.append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private static void escape(StringBuilder row, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
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
