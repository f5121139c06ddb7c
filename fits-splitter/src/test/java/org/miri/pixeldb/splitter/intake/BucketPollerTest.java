package org.miri.pixeldb.splitter.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BucketPollerTest {

    @Test
    void s3proxyUploadsInProgressAreNotAnnounced() {
        // As S3Proxy listed one during a real upload to the local stack.
        assertTrue(BucketPoller.isUploadInProgress(
                "jpl8/MIRI_5582_89_S_20180308-010230_SCE1.fits-91e61d6f-3893-4f55-800c-b0684ae6cca4"));
        assertFalse(BucketPoller.isUploadInProgress("jpl8/MIRI_5582_89_S_20180308-010230_SCE1.fits"));
        assertFalse(BucketPoller.isUploadInProgress("jw01024001001_02101_00001_mirimage_uncal.fits"));
    }
}
