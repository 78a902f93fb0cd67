package org.preventhub.platform.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.preventhub.platform.problem.ProblemException;

/**
 * An upload stored in a spool file, with its SHA-256: what a resent file or an {@code Idempotency-Key} compares.
 * Streamed to disk so memory does not grow with the file; the import that takes it deletes it when done.
 */
public final class FeedUpload implements AutoCloseable {

    private Path file;
    private final String hash;
    private final long bytes;
    private final boolean json;

    private FeedUpload(Path file, String hash, long bytes, boolean json) {
        this.file = file;
        this.hash = hash;
        this.bytes = bytes;
        this.json = json;
    }

    /** Reads the upload into a spool file, refusing an unsupported type, an empty or an oversized file. */
    static FeedUpload spool(InputStream body, String contentType, FeedConfig config) {
        boolean json = isJson(contentType);
        Path file = null;
        try {
            file = spoolFile(config);
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
            FeedUpload upload = new FeedUpload(file, HexFormat.of().formatHex(sha.digest()), bytes, json);
            file = null;
            return upload;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not store the upload", e);
        } finally {
            deleteQuietly(file);
        }
    }

    public String hash() {
        return hash;
    }

    long bytes() {
        return bytes;
    }

    boolean json() {
        return json;
    }

    String contentType() {
        return json ? "application/json" : "text/csv";
    }

    /** Hands the spool file to an import, which deletes it when done. */
    Path take() {
        Path taken = file;
        file = null;
        return taken;
    }

    /** Deletes the spool file unless an import took it. */
    @Override
    public void close() {
        deleteQuietly(file);
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover spool file is harmless
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

    private static Path spoolFile(FeedConfig config) throws IOException {
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
}
