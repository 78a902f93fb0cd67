package org.preventhub.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Names, in each operation's description, the roles it needs, as Quarkus reads them from {@code @RolesAllowed} into the
 * operation's security requirement (OpenAPI 3.1 lets a bearer requirement list roles): Swagger UI shows descriptions,
 * not requirements, and a role written by hand would drift from the code. An {@code @Authenticated} operation needs a
 * token and no particular role.
 */
final class OperationRoles {

    static final String PREFIX = "**Roles:** ";
    static final String ANY_ROLE = PREFIX + "any signed-in caller.";

    private OperationRoles() {
    }

    /**
     * A platform resource's roles are a configuration expression ({@code ${hub.webhooks.roles}}) where each service
     * names its own: the document shows the roles this service configured.
     */
    private static Stream<String> resolved(String scope) {
        if (!scope.startsWith("${") || !scope.endsWith("}")) {
            return Stream.of(scope);
        }
        String key = scope.substring(2, scope.length() - 1);
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(role -> !role.isEmpty());
    }

    static void describe(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            return;
        }
        for (SecurityRequirement requirement : security) {
            if (requirement != null && requirement.getSchemes() != null) {
                Map.copyOf(requirement.getSchemes()).forEach((scheme, scopes) -> requirement.addScheme(scheme,
                        scopes.stream().flatMap(OperationRoles::resolved).distinct().toList()));
            }
        }
        List<String> roles = security.stream()
                .filter(Objects::nonNull)
                .filter(requirement -> requirement.getSchemes() != null)
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .flatMap(OperationRoles::resolved)
                .distinct()
                .toList();
        String line = roles.isEmpty() ? ANY_ROLE
                : PREFIX + String.join(", ", roles.stream().map(role -> "`" + role + "`").toList()) + ".";
        String description = operation.getDescription();
        if (description != null && description.contains(PREFIX)) {
            return;
        }
        operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
    }
}
