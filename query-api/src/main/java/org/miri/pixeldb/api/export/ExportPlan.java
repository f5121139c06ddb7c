package org.miri.pixeldb.api.export;

import java.util.List;

/**
 * What a job will write, priced before it starts.
 *
 * @param skipped exposure and product pairs of the selection that have nothing to export, each with the reason
 */
public record ExportPlan(int exposures, List<PlannedPart> parts, List<Skipped> skipped) {

    /** An exposure's product left out: not loaded, or the region misses it. */
    public record Skipped(String exposure, String product, String reason) {
    }

    public long rows() {
        return parts.stream().mapToLong(PlannedPart::rows).sum();
    }

    public long bytes() {
        return parts.stream().mapToLong(PlannedPart::bytes).sum();
    }
}
