package org.preventhub.testing.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Fails when the packages directly under a module's base package depend on each other in a loop: a loop means
 * neither package can be understood, tested or moved without the other.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** @param basePackage e.g. {@code org.preventhub.referral}; each package under it is one slice */
    public static void assertFreeOfCycles(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
