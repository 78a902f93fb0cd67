package org.preventhub.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service checks of a bearer token itself, whoever reaches its port (the gateway checks the same at the
 * door): it was issued for this API (audience {@code prevent-hub}) and it is an access token, not a user's ID token
 * or a refresh token. A service's test extends this, names a read its role may make, and is a {@code @QuarkusTest}.
 */
public abstract class TokensForThisApiContract {

    /** A GET that {@link #role()} may make, answering 200. */
    protected abstract String path();

    protected abstract String role();

    @Test
    void acceptsAnAccessTokenIssuedForThisApi() {
        given().auth().oauth2(TestTokens.as(role()).token()).get(path()).then().statusCode(200);
    }

    @Test
    void refusesARealmTokenOfAnotherClientThatNamesNoAudience() {
        refused(TestTokens.as(role()).client("admin-cli").noAudience().token());
    }

    @Test
    void refusesATokenIssuedForAnotherApi() {
        refused(TestTokens.as(role()).audience("another-api").token());
    }

    @Test
    void refusesAUsersIdTokenAsABearer() {
        refused(TestTokens.as(role()).type("ID").token());
    }

    @Test
    void refusesARefreshTokenAsABearer() {
        refused(TestTokens.as(role()).type("Refresh").token());
    }

    private void refused(String token) {
        given().auth().oauth2(token).get(path()).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:prevent-hub:problem:unauthenticated"));
    }
}
