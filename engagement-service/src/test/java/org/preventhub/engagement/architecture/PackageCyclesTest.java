package org.preventhub.engagement.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.PackageCycles;

class PackageCyclesTest {

    @Test
    void engagementPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.engagement");
    }
}
