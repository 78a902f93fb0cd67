package org.preventhub.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.preventhub.testing.infra.FreePorts;

/**
 * The one suite every integration test of this module shares, as {@code ./hub start} runs it (real Keycloak,
 * PostgreSQL, Kafka, the built services and gateway, the seed year's demo data) on free ports in a throw-away state
 * folder. Starting it takes a minute or two on two cores, so it starts once per test JVM, when the first class asks
 * for it, and stops when JUnit has run every class. A class asks with {@code @ExtendWith(RunningSuite.Shared.class)}
 * and a {@code RunningSuite} parameter of its {@code @BeforeAll} method.
 */
final class RunningSuite implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("prevent-hub.root", "../..")).toAbsolutePath().normalize();

    private final StackConfig config;
    private final Tokens tokens;
    private final int webPort;
    private LocalStack stack;

    private RunningSuite() throws Exception {
        Path state = Files.createTempDirectory(ROOT.resolve("deploy/local-stack/target"), "suite-");
        List<ServiceDefinition> services = ServiceDefinition.ALL.stream()
                .map(service -> service.withPorts(FreePorts.next(), FreePorts.next())).toList();
        // The web frontend's origin is a free port too (3000 may be taken): the realm and the gateway follow it.
        webPort = FreePorts.next();
        config = new StackConfig(ROOT, state, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), services, true)
                .withWebOrigin("http://localhost:" + webPort).withTracesPort(FreePorts.next());
        stack = LocalStack.start(config);
        tokens = new Tokens(config.issuer());
    }

    LocalStack stack() {
        return stack;
    }

    StackConfig config() {
        return config;
    }

    Tokens tokens() {
        return tokens;
    }

    /** The origin the realm's web frontend client and the gateway's CORS settings name. */
    String webOrigin() {
        return config.webOrigin();
    }

    int webPort() {
        return webPort;
    }

    String gateway() {
        return "http://localhost:" + service("gateway").port();
    }

    /** Every span the services exported (the stack's OTLP receiver). */
    TraceReceiver traces() {
        return stack.traces().orElseThrow();
    }

    ServiceDefinition service(String name) {
        return stack.running().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No running " + name));
    }

    /** Stops the whole suite and starts it again on the same state, as a user's second {@code ./hub start} does. */
    synchronized void restart() {
        stack.close();
        stack = LocalStack.start(config);
    }

    @Override
    public synchronized void close() {
        stack.close();
    }

    /** Hands the shared suite to a test class, starting it for the first class that asks. */
    static final class Shared implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSuite.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // The root store lives as long as the whole run and closes what it holds at its end.
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(RunningSuite.class, key -> {
                        try {
                            return new RunningSuite();
                        } catch (Exception e) {
                            throw new IllegalStateException("The suite did not start: " + e.getMessage(), e);
                        }
                    }, RunningSuite.class);
        }
    }
}
