package org.preventhub.reporting.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.preventhub.testing.JsonBodies;
import org.preventhub.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

public final class ReportingApi {

    static {
        JsonBodies.install();
    }

    private ReportingApi() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.as(role).agency("warwickshire-county-council").token())
                .contentType(ContentType.JSON);
    }

    /** An indicator's values for a period, once {@code check} passes (events arrive asynchronously). */
    public static JsonPath awaitValues(String role, String indicator, String query, Consumer<JsonPath> check) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = as(role).get("/indicators/" + indicator + "/values?" + query).then().statusCode(200).extract().jsonPath();
            check.accept(last[0]);
        });
        return last[0];
    }
}
