package org.preventhub.training.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.PackageCycles;

class PackageCyclesTest {

    @Test
    void trainingPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.training");
    }
}
