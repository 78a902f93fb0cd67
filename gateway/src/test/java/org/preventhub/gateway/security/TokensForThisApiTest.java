package org.preventhub.gateway.security;

import org.preventhub.gateway.support.FakeServices;
import org.preventhub.testing.TokensForThisApiContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The door lets in only access tokens issued for this API; the services check the same again. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class TokensForThisApiTest extends TokensForThisApiContract {

    @Override
    protected String path() {
        return "/api/training/sessions";
    }

    @Override
    protected String role() {
        return "trainer";
    }
}
