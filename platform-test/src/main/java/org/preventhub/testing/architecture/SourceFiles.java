package org.preventhub.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fails when a module's main source file has grown past what one reader holds in mind: such a file does several
 * jobs, and should be split by job (as ReferralService and FeedImports were) before it grows further.
 */
public final class SourceFiles {

    /** The house limit for a main source file. */
    public static final int MOST_LINES = 400;

    private SourceFiles() {
    }

    /** Checks {@code src/main/java} of the module the tests run in (Maven runs them in the module's folder). */
    public static void assertNoMainFileLongerThanTheLimit() {
        Path main = Path.of("src/main/java");
        assertThat(main).as("the module's main sources, from its own folder").isDirectory();
        try (Stream<Path> files = Files.walk(main)) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MOST_LINES)
                    .map(f -> main.relativize(f) + " (" + lines(f) + " lines)")
                    .sorted()
                    .toList();
            assertThat(tooLong).as("main files over %d lines: split them by job", MOST_LINES).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
