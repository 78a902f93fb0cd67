package org.preventhub.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.preventhub.gateway.config.GatewayConfig;
import org.preventhub.gateway.proxy.ServiceRoute;
import org.preventhub.gateway.proxy.Upstreams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The suite's merged OpenAPI document, made as the gateway makes it (its own configuration, {@link OpenApiMerger})
 * from the documents the four services store when they are built, and written to
 * {@code gateway/target/openapi/suite-openapi.json} (the file the lint, the contract check and the client generators
 * read). Made once per test JVM.
 */
final class SuiteDocument {

    /** Each service's module, by its name at the gateway. */
    private static final Map<String, String> MODULES = Map.of("training", "training-service", "referrals",
            "referral-service", "engagement", "engagement-service", "reporting", "reporting-service");

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode suite;

    private SuiteDocument() {
    }

    static Path root() {
        return Path.of(System.getProperty("prevent-hub.root", "..")).toAbsolutePath().normalize();
    }

    static Path written() {
        return Path.of("target/openapi/suite-openapi.json").toAbsolutePath();
    }

    static synchronized ObjectNode merged() {
        if (suite == null) {
            try {
                suite = merge();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return suite;
    }

    private static ObjectNode merge() throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(
                        SuiteDocument.class.getClassLoader().getResource("application.properties"), 250))
                .withConverter(java.time.Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(GatewayConfig.class)
                .build();
        GatewayConfig gateway = config.getConfigMapping(GatewayConfig.class);
        List<String> origins = config.getValues("quarkus.http.cors.origins", String.class);

        Map<ServiceRoute, JsonNode> documents = new LinkedHashMap<>();
        for (ServiceRoute route : Upstreams.routesOf(gateway, Clock.systemUTC())) {
            // Another checkout's documents (-Dprevent-hub.openapi.documents=/work/main), e.g. to compare with main.
            Path documentsRoot = Path.of(System.getProperty("prevent-hub.openapi.documents", root().toString()));
            Path stored = documentsRoot.resolve(MODULES.get(route.name())).resolve("target/openapi/openapi.json");
            assertThat(stored).as("the OpenAPI document " + route.name() + " stores when it is built "
                    + "(build it first: ./mvnw -pl gateway -am package)").exists();
            documents.put(route, MAPPER.readTree(stored.toFile()));
        }
        ObjectNode merged = OpenApiMerger.forGateway(MAPPER, gateway, origins)
                .merge(documents, List.of(), OpenApiMerger.servers(gateway.publicUrl()),
                        config.getValue("hub.api.version", String.class));
        Files.createDirectories(written().getParent());
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(written().toFile(), merged);
        return merged;
    }
}
