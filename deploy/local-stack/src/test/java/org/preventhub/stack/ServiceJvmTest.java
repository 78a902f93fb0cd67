package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java command line the local stack runs each service with: a training run writes the AOT cache, later starts
 * read it, a rebuild trains afresh, and a JVM without the cache gets neither flag. And what makes a wrong cache
 * harmless: the JVM runs on with a warning when the cache is not one it can use.
 */
class ServiceJvmTest {

    private static final ServiceDefinition TRAINING = ServiceDefinition.ALL.get(0);

    @TempDir
    Path root;

    @Test
    void aServiceWithoutACacheForItsBuildIsATrainingRunAndTheNextStartReadsTheCache() throws IOException {
        packaged(TRAINING);
        ServiceJvm jvm = new ServiceJvm(Path.of("/jdk25"), 25, root.resolve("state/aot"));
        Path cache = jvm.cache(TRAINING, root);

        assertThat(jvm.command(TRAINING, root)).contains("-XX:AOTCacheOutput=" + cache).noneMatch(a -> a.startsWith("-XX:AOTCache="))
                .containsSubsequence("-Xms64m", "-Xmx256m", "-jar", TRAINING.application(root).toString());
        assertThat(cache.getParent()).isDirectory();

        Files.writeString(cache, "written by the training run");
        assertThat(jvm.command(TRAINING, root)).contains("-XX:AOTCache=" + cache).noneMatch(a -> a.startsWith("-XX:AOTCacheOutput"));
    }

    @Test
    void aTrainingRunCutShortBeforeItsCacheWasCompleteIsRunAgain() throws IOException {
        packaged(TRAINING);
        ServiceJvm jvm = new ServiceJvm(Path.of("/jdk25"), 25, root.resolve("state/aot"));
        Path cache = jvm.cache(TRAINING, root);
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "half a cache");
        Files.writeString(cache.resolveSibling(cache.getFileName() + ".config"), "the recording");

        assertThat(jvm.command(TRAINING, root)).contains("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
    }

    @Test
    void aRebuiltServiceTrainsAfreshInsteadOfReadingTheOldCache() throws IOException {
        Path application = packaged(TRAINING);
        ServiceJvm jvm = new ServiceJvm(Path.of("/jdk25"), 25, root.resolve("state/aot"));
        Path before = jvm.cache(TRAINING, root);
        Files.createDirectories(before.getParent());
        Files.writeString(before, "the old build's cache");

        Files.writeString(application.resolveSibling("lib/main/a-library.jar"), "a newer library");
        Files.setLastModifiedTime(application, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        assertThat(jvm.cache(TRAINING, root)).isNotEqualTo(before);
        assertThat(jvm.command(TRAINING, root)).anyMatch(a -> a.startsWith("-XX:AOTCacheOutput="));
    }

    @Test
    void aJvmBeforeJava25RunsTheServiceWithoutACacheFlag() throws IOException {
        packaged(TRAINING);
        ServiceJvm jvm = new ServiceJvm(Path.of("/jdk17"), 17, root.resolve("state/aot"));

        assertThat(jvm.command(TRAINING, root)).noneMatch(a -> a.startsWith("-XX:AOT"))
                .startsWith("/jdk17/bin/java").endsWith("-jar", TRAINING.application(root).toString());
        assertThat(root.resolve("state/aot")).doesNotExist();
    }

    /**
     * The JVM's side of the bargain, on the machine's Java 25: a cache made for another class path, or a file that
     * is no cache at all, is passed over (the latter with a warning), and the program runs as it does without one.
     * The program: the PostgreSQL driver's jar, whose main class prints the driver's version.
     */
    @Test
    void aJava25JvmPassesOverACacheItCannotUseAndRunsTheProgramAsWithoutOne() throws Exception {
        Path java = JavaRuntimes.find(ServiceJvm.AOT_CACHE_JAVA).map(home -> home.resolve("bin/java")).orElse(null);
        assumeTrue(java != null, "no Java 25 on this machine");
        String driver = jarOf(org.postgresql.Driver.class).toString();
        String otherClassPath = jarOf(Test.class) + File.pathSeparator + driver;
        Path stale = root.resolve("stale.aot");
        Path garbage = Files.writeString(root.resolve("garbage.aot"), "not a cache");
        Result without = run(java, "-cp", driver, "org.postgresql.util.PGJDBCMain");
        assertThat(without.output()).contains("PostgreSQL JDBC Driver");

        Result training = run(java, "-XX:AOTCacheOutput=" + stale, "-cp", otherClassPath, "org.postgresql.util.PGJDBCMain");
        assertThat(training.output()).contains("AOTCache creation is complete");
        assertThat(stale).isRegularFile();

        Result mismatched = run(java, "-XX:AOTCache=" + stale, "-cp", driver, "org.postgresql.util.PGJDBCMain");
        assertThat(mismatched.status()).isEqualTo(without.status());
        assertThat(mismatched.output()).contains("PostgreSQL JDBC Driver");
        Result broken = run(java, "-XX:AOTCache=" + garbage, "-cp", driver, "org.postgresql.util.PGJDBCMain");
        assertThat(broken.status()).isEqualTo(without.status());
        assertThat(broken.output()).contains("PostgreSQL JDBC Driver").contains("[warning][aot]");
    }

    private Path packaged(ServiceDefinition service) throws IOException {
        Path application = service.application(root);
        Files.createDirectories(application.resolveSibling("lib/main"));
        Files.writeString(application, "the runner");
        Files.writeString(application.resolveSibling("lib/main/a-library.jar"), "a library");
        return application;
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private record Result(int status, String output) {
    }

    private static Result run(Path java, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
