package org.preventhub.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Fails when a resource class carries a class-level {@code @SecurityRequirement}: Quarkus then takes it for every
 * operation instead of reading each one's {@code @RolesAllowed} into its scopes, and Swagger UI tells partners "any
 * signed-in caller" for operations only a few roles may call (it happened twice).
 */
public final class OperationRoles {

    private static final String REQUIREMENT = "org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement";
    private static final String REQUIREMENTS = "org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements";

    private OperationRoles() {
    }

    public static void assertNoClassLevelSecurityRequirement(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses().should().beAnnotatedWith(REQUIREMENT).orShould().beAnnotatedWith(REQUIREMENTS)
                .because("each operation's roles come from its own @RolesAllowed")
                .allowEmptyShould(true)
                .check(classes);
    }
}
