package org.preventhub.platform.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.OperationRoles;
import org.preventhub.testing.architecture.PackageCycles;
import org.preventhub.testing.architecture.SourceFiles;

/** platform-test does not depend on platform, so platform checks itself with the same helper as every module. */
class ArchitectureTest {

    @Test
    void platformPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.platform");
    }

    @Test
    void mainFilesStayWithinTheHouseLimit() {
        SourceFiles.assertNoMainFileLongerThanTheLimit();
    }

    @Test
    void everyOperationNamesItsOwnRoles() {
        OperationRoles.assertNoClassLevelSecurityRequirement("org.preventhub.platform");
    }
}
