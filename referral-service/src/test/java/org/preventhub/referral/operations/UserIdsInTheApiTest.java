package org.preventhub.referral.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.openapi.ServiceDocument;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A user is named the same way wherever the API names one: {@code userId} (the token subject), so that a panel's
 * members, {@code GET /panels/me} and the access log can be matched without translation.
 */
@QuarkusTest
class UserIdsInTheApiTest {

    private static final Pattern NAMES_A_USER = Pattern.compile("(?i)user id|token subject");
    private static final Pattern OTHER_NAMES_FOR_A_USER = Pattern.compile("(?i)actorId|subject|sub|memberId|chairId|accountId");

    @Test
    void everyFieldThatNamesAUserIsCalledUserId() {
        JsonNode schemas = ServiceDocument.read().json().path("components").path("schemas");
        List<String> misnamed = new ArrayList<>();
        List<String> named = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> schema.getValue().path("properties").fields().forEachRemaining(p -> {
            String where = schema.getKey() + "." + p.getKey();
            boolean describedAsAUser = NAMES_A_USER.matcher(p.getValue().path("description").asText()).find();
            if ((describedAsAUser && !p.getKey().equals("userId")) || OTHER_NAMES_FOR_A_USER.matcher(p.getKey()).matches()) {
                misnamed.add(where);
            }
            if (p.getKey().equals("userId")) {
                named.add(where);
            }
        }));
        assertThat(misnamed).as("fields naming a user otherwise than userId").isEmpty();
        assertThat(named).contains("PanelMembership.userId", "AccessLogEntry.userId", "MemberRequest.userId");
    }
}
