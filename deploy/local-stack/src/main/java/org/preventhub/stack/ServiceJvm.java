package org.preventhub.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The one place where the local stack's java command line for a service is made: the JVM it runs on, heap and
 * collector, and the JDK's ahead-of-time cache (JEP 483/514/515) when that JVM has one (Java 25 and newer).
 *
 * <p>Without a cache for the service as built, the run is a training run ({@code -XX:AOTCacheOutput}): the JVM
 * records the classes it loads and the methods' profiles, and writes the cache when the service stops. Every later
 * start reads it ({@code -XX:AOTCache}): classes come loaded and linked, and the JIT starts from the recorded profiles.
 * The cache's name carries a fingerprint of the application's files and the JVM, so a rebuild trains afresh; a cache
 * that does not match anyway (a file changed under the same name) is ignored by the JVM with a warning.
 */
final class ServiceJvm {

    /** Java 25: one-step training ({@code AOTCacheOutput}) and method profiles in the cache (JEP 514, 515). */
    static final int AOT_CACHE_JAVA = 25;
    /** Extra options for every service, e.g. {@code -Xlog:aot} or a larger heap (space-separated). */
    static final String OPTIONS_VARIABLE = "HUB_SERVICE_JVM_OPTIONS";

    private final Path javaHome;
    private final int version;
    private final Path caches;

    ServiceJvm(Path javaHome, int version, Path caches) {
        this.javaHome = javaHome;
        this.version = version;
        this.caches = caches;
    }

    /**
     * The newest JVM worth running the services on: one with the AOT cache if the machine has it (the services are
     * built for 17 and run on 25), else the launcher's own. {@code HUB_SERVICE_JAVA_HOME} chooses another.
     */
    static ServiceJvm forStack(Path state) {
        Path home = Optional.ofNullable(System.getProperty("prevent-hub.service-java-home",
                        System.getenv("HUB_SERVICE_JAVA_HOME"))).filter(s -> !s.isBlank()).map(Path::of)
                .or(() -> JavaRuntimes.find(AOT_CACHE_JAVA))
                .orElse(Path.of(System.getProperty("java.home")));
        // The benchmarks keep their caches apart from a state folder they make afresh for each run.
        Path caches = Optional.ofNullable(System.getProperty("prevent-hub.aot-cache")).map(Path::of)
                .orElse(state.resolve("aot"));
        return new ServiceJvm(home, JavaRuntimes.version(home), caches);
    }

    /** {@code HUB_SERVICE_AOT_CACHE=off} runs without one (to compare, or to rule it out). */
    boolean hasAotCache() {
        return version >= AOT_CACHE_JAVA && !"off".equals(System.getenv("HUB_SERVICE_AOT_CACHE"))
                && !"off".equals(System.getProperty("prevent-hub.aot-cache.mode"));
    }

    /** Where this service's cache is, or is written by its training run. */
    Path cache(ServiceDefinition service, Path root) {
        return caches.resolve(service.name() + "-" + fingerprint(service.application(root).getParent()) + ".aot");
    }

    List<String> command(ServiceDefinition service, Path root) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        // 256 MB is what each service was sized and benchmarked with; the serial collector suits a 2-core box and
        // keeps the footprint small (no parallel GC threads or their card tables). Without -Xms the initial heap is
        // 1/64 of the machine's memory, capped at -Xmx: the whole 256 MB, whose young generation a start-up touches
        // all of; from 64 MB the heap grows only as far as the service needs (7 Dec: 315-345 MB RSS once ready
        // became 255-290 MB, benchmarks/RESULTS.md).
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"));
        if (hasAotCache()) {
            Path cache = cache(service, root);
            // The JVM records into <cache>.config and removes it once the cache is complete: a config left behind
            // means the training run was cut short (stopped before it had written its cache), so train again.
            Path unfinished = cache.resolveSibling(cache.getFileName() + ".config");
            if (Files.exists(unfinished)) {
                delete(unfinished);
                delete(cache);
            }
            if (Files.isRegularFile(cache)) {
                command.add("-XX:AOTCache=" + cache);
            } else {
                createDirectories(caches);
                command.add("-XX:AOTCacheOutput=" + cache);
            }
        }
        String extra = System.getenv().getOrDefault(OPTIONS_VARIABLE, System.getProperty("prevent-hub.jvm-options", ""));
        Arrays.stream(extra.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", service.application(root).toString()));
        return command;
    }

    /** Changes when any file of the packaged application, or the JVM, changes. */
    private String fingerprint(Path application) {
        CRC32 crc = new CRC32();
        crc.update((javaHome + "|" + version + "|" + releaseOf(javaHome)).getBytes());
        try (Stream<Path> files = Files.walk(application)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                try {
                    crc.update((application.relativize(file) + "|" + Files.size(file) + "|"
                            + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Long.toHexString(crc.getValue());
    }

    private static String releaseOf(Path home) {
        try {
            return Files.readString(home.resolve("release"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
