package org.preventhub.platform.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** platform-test depends on platform, so this module checks itself with ArchUnit directly. */
class PackageCyclesTest {

    @Test
    void platformPackagesDependOnEachOtherWithoutLoops() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.preventhub.platform");
        slices().matching("org.preventhub.platform.(*)..").should().beFreeOfCycles().check(classes);
    }
}
