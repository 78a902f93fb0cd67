package org.preventhub.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from Maven Central's distribution zip, in development mode (its own H2 file database), with the
 * prevent-hub realm imported from deploy/keycloak. Every user and client comes from that file, so when it
 * changes the realm is imported afresh.
 */
final class KeycloakServer {

    static final String VERSION = "26.7.3";
    private static final int MINIMUM_JAVA = 21;

    private KeycloakServer() {
    }

    static ManagedProcess start(StackConfig config) {
        Path home = install(config);
        Path javaHome = JavaRuntimes.find(MINIMUM_JAVA).orElseThrow(() -> new IllegalStateException("""
                Keycloak %s needs Java %d or newer, and none was found (JAVA_HOME, KEYCLOAK_JAVA_HOME, /usr/lib/jvm).
                Install one (e.g. `apt-get install openjdk-21-jre-headless`, or a Temurin 21/25 JDK) and either put it
                under /usr/lib/jvm or set KEYCLOAK_JAVA_HOME to it. The services themselves run on Java 17."""
                .formatted(VERSION, MINIMUM_JAVA)));
        importRealm(config, home);
        ManagedProcess keycloak = ManagedProcess.start("keycloak", List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + config.keycloakPort(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--health-enabled=true",
                "--import-realm"),
                Map.of("JAVA_HOME", javaHome.toString(),
                        "PATH", javaHome.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        "JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -Xmx512m"),
                config.logs().resolve("keycloak.log"));
        try {
            keycloak.awaitHttpOk(config.issuer() + "/.well-known/openid-configuration", Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    private static Path install(StackConfig config) {
        Path home = config.state().resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = config.root().resolve("deploy/local-stack/target/keycloak/keycloak-quarkus-dist.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak's distribution is missing at " + zip
                    + ": build first (./mvnw -DskipTests package), which fetches it from Maven Central.");
        }
        Path unpacking = config.state().resolve("keycloak-unpacking");
        try {
            deleteRecursively(unpacking);
            unzip(zip, unpacking);
            Path unpacked;
            try (Stream<Path> children = Files.list(unpacking)) {
                unpacked = children.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Unexpected layout in " + zip));
            }
            try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
            }
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(unpacking);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack Keycloak from " + zip, e);
        }
    }

    private static void importRealm(StackConfig config, Path home) {
        Path realm = config.root().resolve("deploy/keycloak/prevent-hub-realm.json");
        try {
            // A stack whose web frontend is elsewhere (a test's page on a free port) registers that origin instead.
            String text = Files.readString(realm).replace(StackConfig.DEFAULT_WEB_ORIGIN, config.webOrigin());
            String hash = sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Path marker = home.resolve("data/prevent-hub-realm.sha256");
            if (Files.exists(marker) && !Files.readString(marker).equals(hash)) {
                // The realm file changed: start Keycloak's database afresh so the new file is imported.
                deleteRecursively(home.resolve("data/h2"));
            }
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.writeString(imports.resolve("prevent-hub-realm.json"), text);
            Files.writeString(marker, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the realm import from " + realm, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
