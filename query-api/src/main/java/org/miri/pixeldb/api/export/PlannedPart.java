package org.miri.pixeldb.api.export;

import org.miri.pixeldb.schemas.ExportProduct;

/**
 * One file of a job as planned and priced: a product version of an exposure, a band of rows, the columns and
 * integrations (RATE's single plane: 1 to 1), its exact row count (before flag filters) and its bytes of values.
 */
public record PlannedPart(String exposure, ExportProduct product, long productId, int rowFirst, int rowLast,
        int colFirst, int colLast, int integrationFirst, int integrationLast, long rows, long bytes, String fileName) {
}
