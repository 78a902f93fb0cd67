package org.preventhub.training.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.OperationRoles;
import org.preventhub.testing.architecture.PackageCycles;
import org.preventhub.testing.architecture.SourceFiles;

class ArchitectureTest {

    @Test
    void trainingPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.training");
    }

    @Test
    void mainFilesStayWithinTheHouseLimit() {
        SourceFiles.assertNoMainFileLongerThanTheLimit();
    }

    @Test
    void everyOperationNamesItsOwnRoles() {
        OperationRoles.assertNoClassLevelSecurityRequirement("org.preventhub.training");
    }
}
