package org.preventhub.platform.testapp;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls to the test application, with real tokens from the test identity provider. */
public final class NotesApi {

    private NotesApi() {
    }

    public static RequestSpecification as(String... roles) {
        return given().auth().oauth2(TestTokens.as(roles).token()).contentType(ContentType.JSON);
    }

    public static RequestSpecification asTrainer() {
        return as(Roles.TRAINER);
    }

    public static Map<String, String> note(String text) {
        return Map.of("text", text);
    }
}
