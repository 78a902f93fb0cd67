package org.preventhub.engagement.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void openApiDescribesEveryResourceWithExamplesAndProblems() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/events'.post.responses.'201'", notNullValue())
                .body("paths.'/events'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/events'.get.parameters.name", hasItems("type", "area", "priority", "partner", "from", "to",
                        "status", "page", "size", "sort"))
                .body("paths.'/events/{id}/attendance-correction'.post", notNullValue())
                .body("paths.'/communications'.post", notNullValue())
                .body("paths.'/organisations'.post", notNullValue())
                .body("paths.'/feeds/{feed}/imports'.post", notNullValue())
                .body("components.schemas.EventRequest.properties.title.examples[0]", containsString("We Stand Together"))
                .body("components.schemas.EventRequest.properties.area.examples[0]", equalTo("nuneaton-and-bedworth"))
                .body("components.schemas.CommunicationRequest.properties.channel.examples[0]", equalTo("BULLETIN"))
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
