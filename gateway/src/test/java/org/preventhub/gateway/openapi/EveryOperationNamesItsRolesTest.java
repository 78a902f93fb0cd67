package org.preventhub.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A reader of Swagger UI at the gateway sees what each operation needs: every operation is secured (the services
 * check a token on every path), its security requirement lists the roles of its {@code @RolesAllowed} (Quarkus puts
 * them there), and its description names the same roles, or says any signed-in caller will do.
 */
class EveryOperationNamesItsRolesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PREFIX = "**Roles:** ";

    private final ObjectNode suite = SuiteDocument.merged();

    @Test
    void everyOperationIsSecuredAndItsDescriptionNamesTheRolesOfItsRequirement() {
        List<String> wrong = new ArrayList<>();
        int named = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) suite.path("paths")::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode security = op.getValue().path("security");
                if (security.isEmpty()) {
                    wrong.add(name + ": no security requirement");
                    continue;
                }
                List<String> roles = new ArrayList<>();
                security.forEach(requirement -> requirement.forEach(scopes -> scopes.forEach(r -> roles.add(r.asText()))));
                String expected = roles.isEmpty() ? PREFIX + "any signed-in caller."
                        : PREFIX + roles.stream().distinct().map(r -> "`" + r + "`").collect(Collectors.joining(", ")) + ".";
                String description = op.getValue().path("description").asText("");
                if (!description.endsWith(expected)) {
                    wrong.add(name + ": description does not end with " + expected);
                } else if (!roles.isEmpty()) {
                    named++;
                }
            }
        }
        assertThat(wrong).as("operations that do not say which roles they need").isEmpty();
        // Most operations need a particular role; were none named, Quarkus would no longer read @RolesAllowed.
        assertThat(named).as("operations naming their roles").isGreaterThan(80);
    }

    @Test
    void aRoleIsOneTheRealmDefines() throws IOException {
        Set<String> known = new HashSet<>();
        SuiteDocument.MAPPER.readTree(SuiteDocument.root().resolve("deploy/keycloak/prevent-hub-realm.json").toFile())
                .path("roles").path("realm").forEach(role -> known.add(role.path("name").asText()));
        assertThat(known).contains("prevent-lead", "referrer");
        List<String> unknown = new ArrayList<>();
        suite.path("paths").forEach(item -> item.forEach(operation -> operation.path("security")
                .forEach(requirement -> requirement.forEach(scopes -> scopes.forEach(role -> {
                    if (!known.contains(role.asText())) {
                        unknown.add(role.asText());
                    }
                })))));
        assertThat(unknown).as("roles no realm defines").isEmpty();
    }
}
