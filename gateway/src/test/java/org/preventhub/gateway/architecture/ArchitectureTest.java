package org.preventhub.gateway.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.PackageCycles;
import org.preventhub.testing.architecture.SourceFiles;

class ArchitectureTest {

    @Test
    void gatewayPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.gateway");
    }

    @Test
    void mainFilesStayWithinTheHouseLimit() {
        SourceFiles.assertNoMainFileLongerThanTheLimit();
    }
}
