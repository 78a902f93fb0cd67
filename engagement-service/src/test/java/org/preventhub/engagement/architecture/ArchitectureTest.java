package org.preventhub.engagement.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.OperationRoles;
import org.preventhub.testing.architecture.PackageCycles;
import org.preventhub.testing.architecture.SourceFiles;

class ArchitectureTest {

    @Test
    void engagementPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.engagement");
    }

    @Test
    void mainFilesStayWithinTheHouseLimit() {
        SourceFiles.assertNoMainFileLongerThanTheLimit();
    }

    @Test
    void everyOperationNamesItsOwnRoles() {
        OperationRoles.assertNoClassLevelSecurityRequirement("org.preventhub.engagement");
    }
}
