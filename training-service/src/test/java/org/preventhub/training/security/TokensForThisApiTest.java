package org.preventhub.training.security;

import org.preventhub.platform.security.Roles;
import org.preventhub.testing.TokensForThisApiContract;

import io.quarkus.test.junit.QuarkusTest;

/** A token must be an access token issued for this API, on this service's own port too. */
@QuarkusTest
class TokensForThisApiTest extends TokensForThisApiContract {

    @Override
    protected String path() {
        return "/courses";
    }

    @Override
    protected String role() {
        return Roles.TRAINER;
    }
}
