package org.preventhub.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a Java runtime of at least a given version: Keycloak 26 needs 21 or newer, the suite runs on 17. */
final class JavaRuntimes {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaRuntimes() {
    }

    static Optional<Path> find(int minimumVersion) {
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("KEYCLOAK_JAVA_HOME", "JAVA_HOME")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                candidates.add(Path.of(value));
            }
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String dir : List.of("/usr/lib/jvm", "/opt/java", "/usr/local/lib/jvm", "/Library/Java/JavaVirtualMachines")) {
            Path parent = Path.of(dir);
            if (Files.isDirectory(parent)) {
                try (Stream<Path> children = Files.list(parent)) {
                    children.sorted().forEach(child -> {
                        candidates.add(child);
                        candidates.add(child.resolve("Contents/Home"));
                    });
                } catch (IOException ignored) {
                    // an unreadable directory just has no candidates
                }
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> version(home) >= minimumVersion)
                .findFirst();
    }

    static int version(Path home) {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
