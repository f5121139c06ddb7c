package org.miri.pixeldb.stack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusProgressTest {

    @Test
    void findsTheObjectsProgressInTheListing() throws Exception {
        var page = new ObjectMapper().readTree("""
                {"products": [{"objectKey": "b/other.fits", "state": "LOADED", "chunksLoaded": 2, "chunkCount": 2},
                              {"objectKey": "b/X_uncal.fits", "state": "LOADING", "chunksLoaded": 12, "chunkCount": 40},
                              {"objectKey": "b/Y.fits", "state": "SPLITTING", "chunksLoaded": 3, "chunkCount": null}],
                 "next": null}""");
        assertEquals(Optional.of("LOADING 12 of 40 chunks"), StatusProgress.find(page, "b/X_uncal.fits"));
        assertEquals(Optional.of("SPLITTING 3 chunks"), StatusProgress.find(page, "b/Y.fits"));
        assertEquals(Optional.empty(), StatusProgress.find(page, "b/Z.fits"));
    }
}
