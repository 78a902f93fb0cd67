package org.preventhub.referral.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.OperationRoles;
import org.preventhub.testing.architecture.PackageCycles;
import org.preventhub.testing.architecture.SourceFiles;

class ArchitectureTest {

    @Test
    void referralPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.referral");
    }

    @Test
    void mainFilesStayWithinTheHouseLimit() {
        SourceFiles.assertNoMainFileLongerThanTheLimit();
    }

    @Test
    void everyOperationNamesItsOwnRoles() {
        OperationRoles.assertNoClassLevelSecurityRequirement("org.preventhub.referral");
    }
}
