package org.preventhub.referral.architecture;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.architecture.PackageCycles;

class PackageCyclesTest {

    @Test
    void referralPackagesDependOnEachOtherWithoutLoops() {
        PackageCycles.assertFreeOfCycles("org.preventhub.referral");
    }
}
