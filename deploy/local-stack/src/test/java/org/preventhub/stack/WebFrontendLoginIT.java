package org.preventhub.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.preventhub.testing.infra.FreePorts;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The web frontend's login in a real headless browser (the system's Chromium through its chromedriver): a page served
 * at the origin the realm's public client {@code prevent-hub-web} registers sends the user to Keycloak's login page
 * with a PKCE challenge, the user signs in, the page exchanges the code with its verifier at Keycloak's token endpoint
 * (cross-origin, so Keycloak's web origins must name it) and calls the API through the gateway (cross-origin, so the
 * gateway's CORS origins must name it). A redirect URI the realm does not register, a missing web origin on either
 * side, or PKCE no longer required, fails here.
 */
@ExtendWith(RunningSuite.Shared.class)
@Order(3)
class WebFrontendLoginIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static RunningSuite suite;
    private static HttpServer frontend;
    private static HttpServer foreign;
    private static WebDriver browser;

    @BeforeAll
    static void serveTheFrontendAndOpenABrowser(RunningSuite running) throws IOException {
        suite = running;
        frontend = serve(suite.webPort(), page("app.html"));
        foreign = serve(FreePorts.next(), page("foreign.html"));
        browser = headlessChromium();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (frontend != null) {
            frontend.stop(0);
        }
        if (foreign != null) {
            foreign.stop(0);
        }
    }

    @Test
    void aTrainerSignsInWithPkceInTheBrowserAndThePageReadsTheApiAcrossOrigins() throws Exception {
        browser.get(suite.webOrigin() + "/");
        // Keycloak's own login page, reached only if it accepts the page's redirect URI and challenge.
        awaitOrExplain(ExpectedConditions.presenceOfElementLocated(By.id("username")), "Keycloak's login form");
        assertThat(browser.getCurrentUrl()).startsWith(suite.config().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
        browser.findElement(By.id("username")).sendKeys("trainer-wcc");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();

        JsonNode result = resultOfThePage();
        assertThat(browser.getCurrentUrl()).startsWith(suite.webOrigin() + "/callback?");
        assertThat(result.path("step").asText()).as(result.toString()).isEqualTo("api");
        assertThat(result.path("status").asInt()).isEqualTo(200);
        assertThat(codes(result)).contains("WRAP", "PREVENT-UPDATE", "ONLINE-GROOMING");
        // The gateway lets the page read the headers it exposes (here the request id).
        assertThat(result.path("requestId").asText()).isNotBlank();

        JsonNode claims = claims(result.path("accessToken").asText());
        assertThat(claims.path("azp").asText()).isEqualTo("prevent-hub-web");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("trainer-wcc");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"trainer\"");

        // A page of another origin holding the same token cannot read the API: the browser is refused by CORS.
        String foreignOrigin = "http://localhost:" + foreign.getAddress().getPort();
        browser.get(foreignOrigin + "/#" + result.path("accessToken").asText());
        JsonNode elsewhere = resultOfThePage();
        assertThat(elsewhere.path("read").asBoolean()).as(elsewhere.toString()).isFalse();

        // The same, as the gateway answers the browsers' preflight requests.
        HttpResponse<String> allowed = preflight(suite.webOrigin());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(suite.webOrigin());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "idempotency-key");
        HttpResponse<String> refused = preflight(foreignOrigin);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void keycloakRefusesTheFrontendsLoginWithoutAPkceChallenge() {
        // The same client and redirect URI, without code_challenge: Keycloak requires S256 for this client.
        String url = suite.config().issuer() + "/protocol/openid-connect/auth?client_id=prevent-hub-web&response_type=code"
                + "&scope=openid&redirect_uri=" + java.net.URLEncoder.encode(suite.webOrigin() + "/callback", StandardCharsets.UTF_8)
                + "&state=no-pkce";
        browser.get(url);
        awaitOrExplain(driver -> (driver.getCurrentUrl() + driver.getPageSource()).contains("code_challenge_method"),
                "Keycloak refusing a login without a PKCE challenge");
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");
    }

    // --- helpers ---

    private static List<String> codes(JsonNode result) {
        return java.util.stream.StreamSupport.stream(result.path("courses").spliterator(), false).map(JsonNode::asText)
                .toList();
    }

    private static JsonNode resultOfThePage() throws IOException {
        awaitOrExplain(ExpectedConditions.attributeToBe(By.id("out"), "data-done", "true"), "the page's result");
        return ApiClient.JSON.readTree(browser.findElement(By.id("out")).getText());
    }

    private static <T> void awaitOrExplain(java.util.function.Function<WebDriver, T> condition, String what) {
        try {
            new WebDriverWait(browser, PATIENCE).until(condition);
        } catch (TimeoutException e) {
            String source = browser.getPageSource();
            throw new AssertionError("No " + what + " within " + PATIENCE.toSeconds() + " s at " + browser.getCurrentUrl()
                    + ":\n" + source.substring(0, Math.min(source.length(), 3_000)), e);
        }
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(suite.gateway() + "/api/training/sessions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String token) throws IOException {
        return ApiClient.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** A page of src/test/resources/web-frontend, pointed at this suite's Keycloak and gateway. */
    private static byte[] page(String name) throws IOException {
        try (InputStream in = WebFrontendLoginIT.class.getResourceAsStream("/web-frontend/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__ISSUER__", suite.config().issuer())
                    .replace("__GATEWAY__", suite.gateway())
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Serves one page at every path of the port (the frontend's own routes: /, /callback). */
    private static HttpServer serve(int port, byte[] html) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        return server;
    }

    /**
     * The system's Chromium, headless, through the system's chromedriver (Debian's {@code chromium} and
     * {@code chromium-driver}; .ci/run installs them): nothing is downloaded.
     */
    private static WebDriver headlessChromium() {
        Path chromium = firstExisting("CHROMIUM_BINARY", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = firstExisting("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                // No sandbox: CI and these machines run the tests as root, which Chromium's sandbox refuses.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Path firstExisting(String variable, String... candidates) {
        String configured = System.getenv(variable);
        List<String> paths = configured == null ? List.of(candidates) : List.of(configured);
        for (String candidate : paths) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new UncheckedIOException(new IOException("None of " + paths + " is installed (set " + variable
                + "): apt-get install chromium chromium-driver"));
    }
}
