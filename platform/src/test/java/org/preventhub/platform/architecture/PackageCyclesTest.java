package org.preventhub.platform.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.PackageCycles;

/** platform-test does not depend on platform, so platform checks itself with the same helper as every module. */
class PackageCyclesTest {

    @Test
    void platformPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.platform");
    }
}
