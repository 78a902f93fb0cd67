package org.preventhub.reporting.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.OperationRoles;
import org.preventhub.testing.architecture.PackageCycles;
import org.preventhub.testing.architecture.SourceFiles;

class ArchitectureTest {

    @Test
    void reportingPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.reporting");
    }

    @Test
    void mainFilesStayWithinTheHouseLimit() {
        SourceFiles.assertNoMainFileLongerThanTheLimit();
    }

    @Test
    void everyOperationNamesItsOwnRoles() {
        OperationRoles.assertNoClassLevelSecurityRequirement("org.preventhub.reporting");
    }
}
