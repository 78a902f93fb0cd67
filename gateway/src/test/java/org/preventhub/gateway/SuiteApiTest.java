package org.preventhub.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.ManagementInterface;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class SuiteApiTest {

    @Test
    void servesOneValidOpenApiDocumentForTheWholeSuiteUnderItsPublicPaths() {
        String json = given().get("/api/openapi.json").then().statusCode(200).contentType("application/json")
                .extract().asString();

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/training/things", "/api/referrals/things/{id}",
                "/api/engagement/things", "/api/reporting/things");
        assertThat(parsed.getOpenAPI().getPaths().keySet()).noneMatch(path -> path.contains("/q/"));

        JsonPath doc = JsonPath.from(json);
        // One shared Problem; Summary means two things, so one of them is renamed and so are the references to it.
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertThat(schemas).containsKeys("Problem", "Summary", "ReferralsSummary");
        assertThat(doc.getString("paths.'/api/referrals/things'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/ReferralsSummary");
        assertThat(doc.getString("paths.'/api/training/things'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Summary");
        // Operation ids stay unique, tags say which service.
        List<String> ids = doc.getList("paths.collect { it.value.get?.operationId }.findAll { it != null }");
        assertThat(ids).doesNotHaveDuplicates().contains("listThings", "referrals_listThings");
        assertThat(doc.getList("tags.name", String.class)).contains("Training · Things", "Reporting · Things");
        // The stopped service is named, not silently left out.
        assertThat(doc.getList("x-unavailable-services", String.class)).containsExactly("flaky");
    }

    @Test
    void reportsEachServicesHealth() {
        JsonPath health = given().get("/api/health").then().statusCode(503).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("DEGRADED");
        assertThat(health.getString("services.find { it.name == 'training' }.status")).isEqualTo("UP");
        assertThat(health.getString("services.find { it.name == 'flaky' }.status")).isEqualTo("DOWN");
        // The gateway itself stays ready: its other routes work.
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200);
        // Operators see the same on the management port, as a wellness check.
        JsonPath well = ManagementInterface.given().get("/q/health/well").then().statusCode(503).extract().jsonPath();
        assertThat(well.getList("checks.name", String.class)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/health/well", "/q/metrics", "/q/openapi",
            "/q/openapi?format=json" })
    void servesNothingOperationalOnThePublicPort(String path) {
        given().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servesMetricsOnTheManagementPortOnly() {
        ManagementInterface.given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void servesSwaggerUiForTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
