package org.preventhub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.feed.FeedResource;
import org.preventhub.platform.webhook.WebhookResource;

/**
 * Quarkus documents the roles of a class's own {@code @RolesAllowed} methods, not of those a service's resource
 * inherits from platform; these name their roles by hand, so the hand-written copy must say what the code checks.
 */
class InheritedOperationRolesTest {

    @Test
    void everyInheritedOperationDocumentsExactlyTheRolesItChecks() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> resource : List.of(FeedResource.class, WebhookResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                if (Arrays.stream(method.getAnnotations())
                        .noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                RolesAllowed checked = method.getAnnotation(RolesAllowed.class);
                SecurityRequirement documented = method.getAnnotation(SecurityRequirement.class);
                String name = resource.getSimpleName() + "." + method.getName();
                if (checked == null || documented == null) {
                    wrong.add(name + ": needs both @RolesAllowed and @SecurityRequirement");
                } else if (!Set.of(checked.value()).equals(Set.of(documented.scopes()))) {
                    wrong.add(name + ": checks " + Arrays.toString(checked.value()) + " but documents "
                            + Arrays.toString(documented.scopes()));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
